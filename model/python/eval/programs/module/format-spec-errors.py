# Format-spec ValueErrors in CPython's order and the rules that changed (fact formatSpecRules): the 0 flag on a str, a space sign, invalid specs.
for v, s in (('a', ' '), ('a', '+'), ('a', '#'), ('a', '='), ('ab', '05'), ('ab', '0>5'), (5, 'abc'), (5.0, 'abc'), ('a', 'abc'), (5, 's'), (5.0, 'd'), (5, '.'), ('a', '.'), (5.0, '#'), (5.0, '#.0f'), (5, '#d'), (5, '#.0%'), (2.5, '5'), (True, 'd'), (True, ''), (True, '>5')):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except (ValueError, TypeError) as e:
        print(repr(v), repr(s), type(e).__name__, e)
