print('start')
raise KeyError('missing')
