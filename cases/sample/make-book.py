#!/usr/bin/env python3
"""Regenerates loans.jsonl of the sample case, deterministically (standard library only).

Most loans are in order; a few are made to break one rule each, so that the sample shows every
kind of loan finding. Two broken lines show how rejected input is reported.
"""
import json
import random

# 1-year and 5-year LPR fixings 2022-12 .. 2024-12 (NIFC, published under PBoC authority).
LPR = [("2022-12-20", "3.65", "4.30"), ("2023-06-20", "3.55", "4.20"), ("2023-08-21", "3.45", "4.20"),
       ("2024-02-20", "3.45", "3.95"), ("2024-07-22", "3.35", "3.85"), ("2024-10-21", "3.10", "3.60")]
BANK = "QHRCB"


def lpr(date, tenor="1Y"):
    val = None
    for d, one, five in LPR:
        if d <= date:
            val = one if tenor == "1Y" else five
    return val


def add_months(date, months):
    y, m, d = map(int, date.split("-"))
    m += months
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return "%04d-%02d-%02d" % (y, m, min(d, 28))


def money(x):
    return "%.2f" % x


def loan(n, btype, principal, contract, months, spread, repayment, fees=(), bundled=(), tenor="1Y",
         rate_type="lpr", deposit=0, on_lending=False, channel=None, nominal=None, product="青禾经营贷"):
    base = lpr(contract, tenor)
    rate = {"type": rate_type}
    if rate_type == "lpr":
        rate.update({"tenor": tenor, "spreadBp": spread})
        nominal = nominal or "%.2f" % (float(base) + spread / 100)
    elif rate_type == "benchmark":
        rate.update({"multiplier": "1.10"})
    rate["nominal"] = nominal
    rec = {"id": "QL%04d" % n,
           "borrower": {"id": "QB%04d" % (n * 7 % 1000), "type": btype, "established": "2015-03-18"},
           "product": product}
    if channel:
        rec["channel"] = channel
    rec.update({"principal": money(principal), "contractDate": contract,
                "maturityDate": add_months(contract, months), "rate": rate, "repayment": repayment,
                "onLending": on_lending, "compensatingDeposit": money(deposit),
                "bundled": [dict(b) for b in bundled], "fees": [dict(f) for f in fees]})
    return rec


def fee(payee, item, amount, when="upfront"):
    return {"payee": payee, "item": item, "amount": money(amount), "when": when}


def main():
    rnd = random.Random(20241231)
    loans = []
    special = [
        # DISC-001: a bank fee the catalogue does not list
        dict(btype="small", principal=500000, contract="2024-03-12", months=12, spread=60,
             repayment="interest-monthly", fees=[fee(BANK, "贷后管理费", 1500)]),
        # FEE-001: a commitment fee charged to a micro borrower
        dict(btype="micro", principal=800000, contract="2024-05-08", months=12, spread=45,
             repayment="interest-monthly", fees=[fee(BANK, "贷款承诺费", 2400)]),
        # FEE-002 (+ DISC-001): mortgage registration passed to a small borrower
        dict(btype="small", principal=1200000, contract="2024-06-18", months=24, spread=70,
             repayment="equal-principal", fees=[fee(BANK, "抵押登记费", 550)], tenor="1Y"),
        # FEE-003: service fee above the published 1 %
        dict(btype="medium", principal=2000000, contract="2024-04-09", months=12, spread=80,
             repayment="interest-monthly", fees=[fee(BANK, "贷款服务费", 30000)]),
        # FEE-003: advisory fee above the published cap, to a medium firm (not exempt)
        dict(btype="medium", principal=5000000, contract="2023-11-20", months=36, spread=55,
             repayment="equal-principal", fees=[fee(BANK, "财务顾问费", 15000)]),
        # FEE-004: mandatory accident insurance
        dict(btype="individual-business", principal=200000, contract="2024-08-05", months=12, spread=50,
             repayment="equal-installment",
             bundled=[{"kind": "insurance", "name": "借款人意外伤害保险", "premium": "600.00", "mandatory": True}]),
        # FEE-005: 20 % compensating deposit
        dict(btype="small", principal=1000000, contract="2024-01-15", months=12, spread=65,
             repayment="interest-monthly", deposit=200000),
        # RATE-001: priced off the retired benchmark rate in 2023
        dict(btype="medium", principal=3000000, contract="2023-07-03", months=12, spread=0,
             repayment="interest-monthly", rate_type="benchmark", nominal="4.79"),
        # RATE-002: contract rate does not match LPR + spread
        dict(btype="small", principal=600000, contract="2024-09-10", months=12, spread=40,
             repayment="equal-installment", nominal="3.95"),
        # RATE-003 + PART-002 + PART-004: platform fees push the all-in APR over LPR + 300 bp
        dict(btype="micro", principal=300000, contract="2024-10-25", months=12, spread=50,
             repayment="equal-installment", channel="F02",
             fees=[fee("F02", "平台服务费", 900, "monthly"), fee("F02", "贷后管理费", 1200)]),
        # RATE-003 + RATE-004: platform charges far above its schedule
        dict(btype="individual-business", principal=150000, contract="2024-11-11", months=12, spread=80,
             repayment="equal-installment", channel="F02", fees=[fee("F02", "平台服务费", 1350, "monthly")]),
        # PART-001 (+ RATE-003, PART-002): the platform collects a prepayment penalty from a small borrower
        dict(btype="small", principal=400000, contract="2024-02-26", months=12, spread=60,
             repayment="interest-monthly", channel="F02",
             fees=[fee("F02", "平台服务费", 1200, "monthly"), fee("F02", "提前还款违约金", 4000, "maturity")]),
    ]
    # RATE-005: on-lending loans of 2024Q2 average above 2024Q1's local 4.10 %; 2024Q3's stay under 4.05 %
    on_lending = [dict(btype="micro", principal=500000, contract="2024-04-16", months=12, spread=95,
                       repayment="interest-monthly", on_lending=True, product="支小再贷款专项"),
                  dict(btype="small", principal=1500000, contract="2024-05-21", months=12, spread=100,
                       repayment="interest-monthly", on_lending=True, product="支小再贷款专项"),
                  dict(btype="micro", principal=800000, contract="2024-08-13", months=12, spread=45,
                       repayment="interest-monthly", on_lending=True, product="支小再贷款专项"),
                  dict(btype="individual-business", principal=200000, contract="2024-09-02", months=12,
                       spread=40, repayment="interest-monthly", on_lending=True, product="支小再贷款专项")]
    specs = special + on_lending
    kinds = ["micro", "small", "individual-business", "micro-owner", "medium", "large"]
    repayments = ["interest-monthly", "equal-installment", "equal-principal", "bullet"]
    products = ["青禾经营贷", "青禾易贷", "农家乐贷", "科技成长贷"]
    while len(specs) < 120:
        btype = rnd.choice(kinds)
        principal = rnd.randrange(100, 5000) * 1000.0
        month = rnd.randrange(1, 13)
        year = rnd.choice([2023, 2024])
        contract = "%04d-%02d-%02d" % (year, month, rnd.randrange(1, 29))
        months = rnd.choice([12, 12, 12, 24, 36])
        spread = rnd.randrange(20, 110, 5)
        repayment = rnd.choice(repayments)
        fees = []
        if btype in ("micro", "small", "individual-business", "micro-owner") and rnd.random() < 0.3 \
                and repayment in ("interest-monthly", "bullet") and spread <= 80:
            # the government guarantor's published 1.0 %/yr, charged yearly in advance
            fees.append(fee("G01", "担保费", principal * 0.01 if months >= 12 else principal * 0.005, "annual"))
        specs.append(dict(btype=btype, principal=principal, contract=contract, months=months, spread=spread,
                          repayment=repayment, fees=fees, product=rnd.choice(products)))
    order = list(range(len(specs)))
    rnd.shuffle(order)
    lines = []
    for n, i in enumerate(order, start=1):
        lines.append(json.dumps(loan(n, **specs[i]), ensure_ascii=False, separators=(",", ":")))
    # two broken lines, reported with their line numbers and the rest still audited
    lines.insert(47, '{"id":"QL0901","borrower":{"id":"QB0901","type":"micro"},"principal":"250000.00",'
                     '"contractDate":"2024-06-31","maturityDate":"2025-06-30","rate":{"type":"fixed","nominal":"4.20"},'
                     '"repayment":"bullet","fees":[]}')
    lines.insert(91, '{"id":"QL0902","borrower":{"id":"QB0902","type":"small"},"principal":"-80000",'
                     '"contractDate":"2024-03-01","maturityDate":"2025-03-01","rate":{"type":"fixed","nominal":"4.00"},'
                     '"repayment":"bullet","fees":[]}')
    with open("loans.jsonl", "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
