print('start')
raise
