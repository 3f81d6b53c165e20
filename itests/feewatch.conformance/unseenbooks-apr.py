#!/usr/bin/env python3
"""The APRs of the unseen books' expected.txt files, computed apart from the product.

The RULES.md cash-flow model written out again in Python with exact decimals (borrower's view: the
principal in at month 0, repayments out; fees upfront / annual in months 0, 12, ... before n / monthly /
maturity; mandatory bundled premiums in the all-in figure only; a compensating deposit out at month 0 and
back at month n with 0.20 % simple demand interest), the monthly rate found by a grid scan and bisection
(no Newton): from 0 towards the side the undiscounted sum gives (docs/pricing.md), and 12 × r × 100 %.

    python3 unseenbooks-apr.py 100000 4.35 2023-03-15 2024-03-15 equal-installment \
        --fee P01,1000,upfront --deposit 20000 --bundled 1200
prints the all-in and the bank-only APR (BANK-A is the institution), "-" when there is none.
"""
import argparse
import calendar
import datetime as dt
from decimal import Decimal as D, getcontext

getcontext().prec = 50


def months(c, m):
    n = (m.year - c.year) * 12 + (m.month - c.month)
    if m.day < c.day and m.day != calendar.monthrange(m.year, m.month)[1]:
        n -= 1
    return n


def flows(P, nominal, c, m, rep, fees=(), deposit=0, bundled=(), bank='BANK-A', bank_only=False):
    P = D(str(P))
    i = D(str(nominal)) / 100 / 12
    n = months(dt.date.fromisoformat(c), dt.date.fromisoformat(m))
    if n < 1:
        return None
    cf = [D(0)] * (n + 1)
    cf[0] += P
    if rep == 'bullet':
        cf[n] -= P * (1 + D(str(nominal)) / 100 * n / 12)
    elif rep == 'interest-monthly':
        for k in range(1, n + 1):
            cf[k] -= P * i
        cf[n] -= P
    elif rep == 'equal-installment':
        a = P / n if i == 0 else P * i * (1 + i) ** n / ((1 + i) ** n - 1)
        for k in range(1, n + 1):
            cf[k] -= a
    elif rep == 'equal-principal':
        out = P
        for k in range(1, n + 1):
            cf[k] -= P / n + i * out
            out -= P / n
    for payee, amount, when in fees:
        if bank_only and payee != bank:
            continue
        a = D(str(amount))
        if when == 'upfront':
            cf[0] -= a
        elif when == 'annual':
            for k in range(0, n, 12):
                cf[k] -= a
        elif when == 'monthly':
            for k in range(1, n + 1):
                cf[k] -= a
        elif when == 'maturity':
            cf[n] -= a
    if not bank_only:
        for premium in bundled:
            cf[0] -= D(str(premium))
    dep = D(str(deposit))
    if dep:
        cf[0] -= dep
        cf[n] += dep * (1 + D('0.002') * n / 12)
    return cf


def rate(cf):
    if cf is None or cf[0] <= 0:
        return None

    def npv(r):
        return sum(c / (1 + r) ** k for k, c in enumerate(cf))

    f0 = npv(D(0))
    if f0 == 0:
        return D(0)
    grid = ([D(k) / 1000 for k in range(1, 100001)] if f0 < 0 else [-D(k) / 10000 for k in range(1, 9900)])
    lo = D(0)
    for hi in grid:
        if (npv(hi) < 0) != (f0 < 0):
            break
        lo = hi
    else:
        return None
    for _ in range(200):
        mid = (lo + hi) / 2
        if (npv(mid) < 0) == (f0 < 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def apr(*args, **kw):
    r = rate(flows(*args, **kw))
    return '-' if r is None else f"{r * 12 * 100:.9f}"


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('principal')
    p.add_argument('nominal')
    p.add_argument('contract')
    p.add_argument('maturity')
    p.add_argument('repayment')
    p.add_argument('--fee', action='append', default=[], help='PAYEE,AMOUNT,WHEN')
    p.add_argument('--deposit', default='0')
    p.add_argument('--bundled', action='append', default=[])
    a = p.parse_args()
    fees = [tuple(f.split(',')) for f in a.fee]
    common = dict(fees=fees, deposit=a.deposit, bundled=a.bundled)
    print(apr(a.principal, a.nominal, a.contract, a.maturity, a.repayment, **common),
          apr(a.principal, a.nominal, a.contract, a.maturity, a.repayment, bank_only=True, **common))
