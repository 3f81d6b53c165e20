#!/usr/bin/env python3
"""evaluate.py CASE_DIR [--limit N] [--lpr FILE]

A plain per-loan evaluator of a feewatch case's loan book, for comparison with feewatch's speed:
standard library only, one loan at a time, no caching. It parses each loan (loans.jsonl, or
loans.csv + fees.csv), builds the RULES.md cash flows, solves the monthly IRR and counts the loan
rules DISC-001, FEE-001..005 and RATE-001..004. It prints one JSON object: the counts per rule,
the loans evaluated, the wall and CPU seconds and loans per (CPU) second.

Not a second implementation of feewatch: the fee catalogue is read from the case's price-catalog
page with a simple table parser and a small synonym list, enough for genbook.py's cases.
"""
import argparse
import calendar
import csv
import datetime
import html.parser
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LPR_CANDIDATES = [
    os.path.join(HERE, "../../../bundles/feewatch.rules.national/src/main/resources/org/feewatch/rules/national/lpr/lpr_history.csv"),
    "/work/shared/reference/lpr_history.csv",
]
DEMAND_RATE_PCT = 0.20
SYNONYMS = {
    "承诺费": "贷款承诺费", "授信承诺费": "贷款承诺费", "法人账户透支承诺费": "贷款承诺费",
    "融资顾问费": "财务顾问费", "顾问费": "财务顾问费", "咨询费": "财务顾问费",
    "保证费": "担保费",
}
PROHIBITED = {"贷款承诺费", "资金管理费", "信贷资信证明费", "提前还款违约金", "延迟用款违约金", "信贷资金受托支付划拨费"}
TRANSFERRED = {"抵押登记费", "押品评估费", "押品保险费"}
SMALL = {"micro", "small", "individual-business", "micro-owner"}
RULES = ["DISC-001", "FEE-001", "FEE-002", "FEE-003", "FEE-004", "FEE-005", "RATE-001", "RATE-002", "RATE-003",
         "RATE-004"]


def canonical(item):
    return SYNONYMS.get(item, item)


# ------------------------------------------------------------------ reference data

def load_lpr(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            rows.append((r["date"], float(r["lpr_1y"]), float(r["lpr_5y_plus"])))
    rows.sort()
    return rows


def lpr_on(table, date, tenor="1Y"):
    found = None
    for d, one, five in table:
        if d <= date:
            found = five if tenor == "5Y" else one
        else:
            break
    return found


class TableParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def load_catalogue(case_dir, institution):
    """item -> (kind, value, exempts_small): kind pct / max / free / none."""
    with open(os.path.join(case_dir, "sources.json"), encoding="utf-8") as fh:
        sources = json.load(fh)
    out = {}
    for s in sources:
        if s.get("kind") != "price-catalog" or s.get("owner") != institution or "file" not in s:
            continue
        p = TableParser()
        with open(os.path.join(case_dir, s["file"]), encoding="utf-8") as fh:
            p.feed(fh.read())
        header = p.rows[0]
        i_item, i_price, i_note = header.index("服务项目"), header.index("收费标准"), header.index("备注")
        for r in p.rows[1:]:
            price, note = r[i_price], r[i_note]
            m = re.search(r"([0-9.]+)%", price)
            if "免费" in price or "暂不收费" in price:
                bound = ("free", 0.0)
            elif m:
                bound = ("pct", float(m.group(1)))
            elif re.search(r"([0-9.]+)元", price):
                bound = ("max", float(re.search(r"([0-9.]+)元", price).group(1)))
            else:
                bound = ("none", None)
            exempt = "小微企业免收" in note or "对小微企业免收" in note
            out[canonical(r[i_item])] = (bound[0], bound[1], exempt)
    return out


# ------------------------------------------------------------------ the loan book

def read_loans(case_dir):
    path = os.path.join(case_dir, "loans.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8-sig") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
        return
    fees = {}
    with open(os.path.join(case_dir, "fees.csv"), encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            fees.setdefault(r["loan_id"], []).append(r)
    with open(os.path.join(case_dir, "loans.csv"), encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            rate = {"type": r["rate_type"], "nominal": r["nominal_rate"]}
            if r["rate_tenor"]:
                rate["tenor"] = r["rate_tenor"]
            if r["spread_bp"]:
                rate["spreadBp"] = int(r["spread_bp"])
            loan = {"id": r["id"], "borrower": {"id": r["borrower_id"], "type": r["borrower_type"]},
                    "principal": r["principal"], "contractDate": r["contract_date"],
                    "maturityDate": r["maturity_date"], "rate": rate, "repayment": r["repayment"],
                    "compensatingDeposit": r["compensating_deposit"] or "0", "bundled": [], "fees": []}
            for f in fees.get(r["id"], []):
                if f["when"] == "bundled":
                    loan["bundled"].append({"name": f["item"], "premium": f["amount"], "mandatory": True})
                else:
                    loan["fees"].append({"payee": f["payee"], "item": f["item"], "amount": f["amount"],
                                         "when": f["when"]})
            yield loan


# ------------------------------------------------------------------ the RULES.md cash-flow model

def term_months(d0, d1):
    n = (d1.year - d0.year) * 12 + (d1.month - d0.month)
    if d1.day < d0.day and d1.day != calendar.monthrange(d1.year, d1.month)[1]:
        n -= 1
    return n


def flows(P, nominal, n, repayment, fees, bundled, deposit):
    i = nominal / 100.0 / 12.0
    cf = [0.0] * (n + 1)
    cf[0] = P
    if repayment == "equal-installment":
        a = P / n if i == 0 else P * i * (1 + i) ** n / ((1 + i) ** n - 1)
        for m in range(1, n + 1):
            cf[m] -= a
    elif repayment == "equal-principal":
        for m in range(1, n + 1):
            cf[m] -= P / n + i * (P - (m - 1) * P / n)
    elif repayment == "interest-monthly":
        for m in range(1, n + 1):
            cf[m] -= P * i
        cf[n] -= P
    else:  # bullet
        cf[n] -= P * (1 + nominal / 100.0 * n / 12.0)
    for amount, when in fees:
        if when == "upfront":
            cf[0] -= amount
        elif when == "annual":
            for m in range(0, n, 12):
                cf[m] -= amount
        elif when == "monthly":
            for m in range(1, n + 1):
                cf[m] -= amount
        elif when == "maturity":
            cf[n] -= amount
    cf[0] -= bundled
    if deposit:
        cf[0] -= deposit
        cf[n] += deposit * (1 + DEMAND_RATE_PCT / 100.0 * n / 12.0)
    return cf


def npv(cf, r):
    v, s = 1.0 / (1.0 + r), 0.0
    for x in reversed(cf):
        s = s * v + x
    return s


def irr(cf):
    """Monthly IRR: bracket the root from 0 outwards, then Newton steps kept inside the bracket."""
    f0 = npv(cf, 0.0)
    if f0 == 0:
        return 0.0
    if f0 < 0:
        lo, flo, hi = 0.0, f0, 0.01
        while npv(cf, hi) < 0:
            lo, hi = hi, hi * 2
            if hi > 1e4:
                raise ArithmeticError("IRR not bracketed")
    else:
        hi, lo = 0.0, -0.01
        flo = npv(cf, lo)
        while flo > 0:
            hi, lo = lo, -1 + (1 + lo) / 2
            if lo < -0.999999:
                raise ArithmeticError("IRR not bracketed")
            flo = npv(cf, lo)
    r = (lo + hi) / 2
    for _ in range(200):
        v, f, d = 1.0 / (1.0 + r), 0.0, 0.0
        for t in range(len(cf) - 1, -1, -1):
            f = f * v + cf[t]
            d = d * v + t * cf[t]
        d = -d * v
        if f == 0:
            return r
        if (f < 0) == (flo < 0):
            lo = r
        else:
            hi = r
        nr = r - f / d if d else None
        nr = nr if nr is not None and lo < nr < hi else (lo + hi) / 2
        if abs(nr - r) < 1e-13 or hi - lo < 1e-13:
            return nr
        r = nr
    return r


def evaluate(loan, lpr, catalogue, bank, policy, counts):
    P = float(loan["principal"])
    d0 = datetime.date.fromisoformat(loan["contractDate"])
    d1 = datetime.date.fromisoformat(loan["maturityDate"])
    n = term_months(d0, d1)
    rate = loan["rate"]
    nominal = float(rate["nominal"])
    small = loan["borrower"]["type"] in SMALL
    fees = [(f["payee"], canonical(f["item"]), float(f["amount"]), f["when"]) for f in loan.get("fees", [])]
    bundled = sum(float(b["premium"]) for b in loan.get("bundled", []) if b.get("mandatory", True))
    deposit = float(loan.get("compensatingDeposit") or 0)
    apr = 12 * 100 * irr(flows(P, nominal, n, loan["repayment"], [(a, w) for _p, _i, a, w in fees], bundled,
                                deposit))
    lpr1 = lpr_on(lpr, loan["contractDate"], "1Y")
    hits = set()
    for payee, item, amount, _when in fees:
        if payee == bank:
            published = catalogue.get(item)
            if published is None:
                hits.add("DISC-001")
            else:
                kind, value, exempt = published
                cap = None
                if small and exempt:
                    cap = 0.0
                elif kind == "pct":
                    cap = P * value / 100
                elif kind in ("max", "free"):
                    cap = value
                if cap is not None and amount > cap + 0.005:
                    hits.add("FEE-003")
            if small and item in PROHIBITED:
                hits.add("FEE-001")
        if small and item in TRANSFERRED:
            hits.add("FEE-002")
    if bundled > 0:
        hits.add("FEE-004")
    if deposit > 0:
        hits.add("FEE-005")
    if rate["type"] == "benchmark" and loan["contractDate"] >= "2020-01-01":
        hits.add("RATE-001")
    if rate["type"] == "lpr":
        ref = lpr_on(lpr, loan["contractDate"], rate.get("tenor", "1Y")) + rate["spreadBp"] / 100.0
        if abs(nominal - ref) > 0.005:
            hits.add("RATE-002")
    if small and apr > lpr1 + policy["maxSpreadBp"] / 100.0:
        hits.add("RATE-003")
    if apr > 4 * lpr1:
        hits.add("RATE-004")
    for h in hits:
        counts[h] += 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("case")
    ap.add_argument("--limit", type=int, default=0, help="evaluate only the first N loans (0 = all)")
    ap.add_argument("--lpr", default=next((p for p in LPR_CANDIDATES if os.path.exists(p)), None))
    args = ap.parse_args(argv)
    with open(os.path.join(args.case, "case.json"), encoding="utf-8") as fh:
        case = json.load(fh)
    bank = case["institution"]["id"]
    policy = {"maxSpreadBp": 300}
    policy.update(case.get("policy", {}))
    lpr = load_lpr(args.lpr)
    catalogue = load_catalogue(args.case, bank)
    counts = {r: 0 for r in RULES}
    t0 = time.perf_counter()
    c0 = time.process_time()
    loans = 0
    for loan in read_loans(args.case):
        evaluate(loan, lpr, catalogue, bank, policy, counts)
        loans += 1
        if args.limit and loans >= args.limit:
            break
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    json.dump({"loans": loans, "seconds": round(secs, 3), "cpuSeconds": round(cpu, 3),
               "loansPerSecond": round(loans / secs, 1), "loansPerCpuSecond": round(loans / cpu, 1),
               "findings": {k: v for k, v in counts.items() if v}}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
