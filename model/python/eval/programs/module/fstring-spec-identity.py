s = 'hello world'
short = 'ab' + 'c'
print(f'{s:>5}' is s, f'{s:.20}' is s, f'{s:<3}' is s, f'{s:*^11}' is s, f'{s:s}' is s)
print(f'{s:20}' is s, f'{s:.4}' is s, f'{short:>3}' is short, f'{short:>4}' is short, f'{s!r:5}' is s)
print(f'{s:>5}|{short:^7}|{short:.2}')
