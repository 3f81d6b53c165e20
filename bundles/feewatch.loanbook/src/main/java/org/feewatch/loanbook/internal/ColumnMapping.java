package org.feewatch.loanbook.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which header names mean which canonical column of loans.csv and fees.csv (CASE-FORMAT.md), so a
 * bank can keep the headers of its own core system (贷款编号, 本金, 执行利率 …) without code. The
 * canonical name always works; aliases come from configuration (PID org.feewatch.loanbook.columns).
 * Headers match after NFKC normalisation (full-width letters and brackets become half-width), with
 * surrounding spaces removed and Latin letters compared without case.
 */
final class ColumnMapping {
    /** loans.csv columns, in the order of CASE-FORMAT.md, with the field each one fills. */
    static final List<String> LOAN_COLUMNS = List.of("id", "borrower_id", "borrower_type", "borrower_established",
            "product", "channel", "principal", "contract_date", "maturity_date", "rate_type", "rate_tenor",
            "spread_bp", "nominal_rate", "repayment", "on_lending", "compensating_deposit", "rate_multiplier");
    static final int[] LOAN_FIELDS = {LoanDraft.ID, LoanDraft.BORROWER_ID, LoanDraft.BORROWER_TYPE,
        LoanDraft.ESTABLISHED, LoanDraft.PRODUCT, LoanDraft.CHANNEL, LoanDraft.PRINCIPAL, LoanDraft.CONTRACT_DATE,
        LoanDraft.MATURITY_DATE, LoanDraft.RATE_TYPE, LoanDraft.TENOR, LoanDraft.SPREAD, LoanDraft.NOMINAL,
        LoanDraft.REPAYMENT, LoanDraft.ON_LENDING, LoanDraft.DEPOSIT, LoanDraft.MULTIPLIER};
    /** Columns without which no line can be a loan. */
    static final List<String> REQUIRED_LOAN_COLUMNS = List.of("id", "borrower_type", "principal", "contract_date",
            "maturity_date", "rate_type", "nominal_rate", "repayment");
    static final List<String> FEE_COLUMNS = List.of("loan_id", "payee", "item", "amount", "when");
    static final List<String> REQUIRED_FEE_COLUMNS = List.of("loan_id", "item", "amount", "when");

    // default aliases (the same as config/org.feewatch.loanbook.columns.cfg); compile-time constants
    // so that the metatype defaults can use them
    static final String ID = "贷款编号, 贷款号, 借据号, 借据编号, 贷款账号, loan_id, loan id";
    static final String BORROWER_ID = "借款人编号, 客户编号, 客户号, 借款人代码";
    static final String BORROWER_TYPE = "借款人类型, 客户类型, 企业规模, 借款人规模";
    static final String BORROWER_ESTABLISHED = "成立日期, 借款人成立日期, 注册日期";
    static final String PRODUCT = "产品, 产品名称, 贷款产品";
    static final String CHANNEL = "渠道, 合作机构, 助贷机构";
    static final String PRINCIPAL = "本金, 贷款金额, 合同金额, 借款金额";
    static final String CONTRACT_DATE = "合同日期, 签约日期, 合同签订日期, 放款日期, 发放日期";
    static final String MATURITY_DATE = "到期日, 到期日期, 合同到期日";
    static final String RATE_TYPE = "利率类型, 定价方式, 定价基准";
    static final String RATE_TENOR = "LPR期限, 期限品种, 参考LPR期限";
    static final String SPREAD_BP = "加点, 加点(基点), 加点基点, 加减点(基点)";
    static final String NOMINAL_RATE = "执行利率, 合同利率, 年利率, 执行年利率, 利率";
    static final String REPAYMENT = "还款方式";
    static final String ON_LENDING = "转贷款, 是否转贷款";
    static final String COMPENSATING_DEPOSIT = "存款要求, 补偿性存款, 存贷挂钩存款";
    static final String RATE_MULTIPLIER = "基准利率倍数, 浮动倍数";
    static final String FEE_LOAN_ID = "贷款编号, 贷款号, 借据号, 借据编号, id";
    static final String FEE_PAYEE = "收费方, 收款方, 收费机构";
    static final String FEE_ITEM = "收费项目, 费用项目, 费用名称";
    static final String FEE_AMOUNT = "金额, 收费金额, 费用金额";
    static final String FEE_WHEN = "收取时间, 收费时点, 收费方式";

    private final Map<String, String> loanAliases;
    private final Map<String, String> feeAliases;
    /** The values that mean each canonical value of the enumerated columns (same configuration). */
    private final ValueMapping values;

    private ColumnMapping(Map<String, String> loanAliases, Map<String, String> feeAliases, ValueMapping values) {
        this.loanAliases = loanAliases;
        this.feeAliases = feeAliases;
        this.values = values;
    }

    ValueMapping values() {
        return values;
    }

    static ColumnMapping defaults() {
        return of(Map.of());
    }

    /**
     * From configuration properties: {@code borrower_id = 借款人编号, 客户号} for loans.csv,
     * {@code fee.loan_id = 借据号} for fees.csv; absent keys keep their defaults.
     */
    static ColumnMapping of(Map<String, ?> properties) {
        Map<String, String> loans = new LinkedHashMap<>();
        Map<String, String> fees = new LinkedHashMap<>();
        String[] loanDefaults = {ID, BORROWER_ID, BORROWER_TYPE, BORROWER_ESTABLISHED, PRODUCT, CHANNEL, PRINCIPAL,
            CONTRACT_DATE, MATURITY_DATE, RATE_TYPE, RATE_TENOR, SPREAD_BP, NOMINAL_RATE, REPAYMENT, ON_LENDING,
            COMPENSATING_DEPOSIT, RATE_MULTIPLIER};
        String[] feeDefaults = {FEE_LOAN_ID, FEE_PAYEE, FEE_ITEM, FEE_AMOUNT, FEE_WHEN};
        for (int i = 0; i < LOAN_COLUMNS.size(); i++) {
            String c = LOAN_COLUMNS.get(i);
            addAliases(loans, c, value(properties.get(c), loanDefaults[i]));
        }
        for (int i = 0; i < FEE_COLUMNS.size(); i++) {
            String c = FEE_COLUMNS.get(i);
            addAliases(fees, c, value(properties.get("fee." + c), feeDefaults[i]));
        }
        return new ColumnMapping(Collections.unmodifiableMap(loans), Collections.unmodifiableMap(fees),
                ValueMapping.of(properties));
    }

    static ColumnMapping of(ColumnsConfig c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", c.id());
        p.put("borrower_id", c.borrower__id());
        p.put("borrower_type", c.borrower__type());
        p.put("borrower_established", c.borrower__established());
        p.put("product", c.product());
        p.put("channel", c.channel());
        p.put("principal", c.principal());
        p.put("contract_date", c.contract__date());
        p.put("maturity_date", c.maturity__date());
        p.put("rate_type", c.rate__type());
        p.put("rate_tenor", c.rate__tenor());
        p.put("spread_bp", c.spread__bp());
        p.put("nominal_rate", c.nominal__rate());
        p.put("repayment", c.repayment());
        p.put("on_lending", c.on__lending());
        p.put("compensating_deposit", c.compensating__deposit());
        p.put("rate_multiplier", c.rate__multiplier());
        p.put("fee.loan_id", c.fee_loan__id());
        p.put("fee.payee", c.fee_payee());
        p.put("fee.item", c.fee_item());
        p.put("fee.amount", c.fee_amount());
        p.put("fee.when", c.fee_when());
        p.put("value.borrower_type", c.value_borrower__type());
        p.put("value.rate_type", c.value_rate__type());
        p.put("value.rate_tenor", c.value_rate__tenor());
        p.put("value.repayment", c.value_repayment());
        p.put("value.on_lending", c.value_on__lending());
        p.put("value.fee.when", c.value_fee_when());
        return of(p);
    }

    private static String value(Object configured, String fallback) {
        if (configured == null) {
            return fallback;
        }
        if (configured instanceof String[] arr) {
            return String.join(",", arr);
        }
        return configured.toString();
    }

    private static void addAliases(Map<String, String> target, String canonical, String aliases) {
        target.put(normalize(canonical), canonical);
        for (String a : aliases.split("[,，]")) {
            String n = normalize(a);
            if (!n.isEmpty()) {
                target.putIfAbsent(n, canonical);
            }
        }
    }

    static String normalize(String header) {
        String n = Normalizer.normalize(header, Normalizer.Form.NFKC).strip();
        if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
            n = n.substring(1).strip();
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** The canonical loans.csv column a header means, or null. */
    String loanColumn(String header) {
        return column(loanAliases, header);
    }

    /** The canonical fees.csv column a header means, or null. */
    String feeColumn(String header) {
        return column(feeAliases, header);
    }

    /**
     * The units CASE-FORMAT.md writes each kind of column in (money in yuan, rates in percent per year,
     * spreads in basis points, ISO dates): a header that adds one of them in brackets, as exports do
     * ({@code 贷款金额（元）}, {@code 执行利率(%)}, {@code 加点(bp)}), names the same column. Another unit
     * ({@code 万元}, {@code ‰}) would scale every value, so it does not (see {@link #otherUnit}). Compared
     * after {@link #normalize}.
     */
    private static final Map<String, List<String>> UNITS = Map.of(
            "money", List.of("元", "人民币元", "人民币", "rmb", "cny", "¥", "yuan"),
            "rate", List.of("%", "年%", "%/年", "年化%", "%年", "百分比", "年化,%", "%,年"),
            "bp", List.of("基点", "bp", "bps"),
            "date", List.of("yyyy-mm-dd"));
    private static final Map<String, String> UNIT_OF = Map.of("principal", "money", "compensating_deposit", "money",
            "amount", "money", "nominal_rate", "rate", "spread_bp", "bp", "contract_date", "date",
            "maturity_date", "date", "borrower_established", "date");
    private static final Map<String, String> UNIT_NAME = Map.of("money", "yuan (元)", "rate", "percent per year (%)",
            "bp", "basis points (基点)", "date", "YYYY-MM-DD");

    private static String column(Map<String, String> aliases, String header) {
        String n = normalize(header);
        String c = named(aliases, n);
        if (c != null) {
            return c;
        }
        String[] split = unitSplit(n);
        if (split == null) {
            return null;
        }
        c = named(aliases, split[0]);
        return c != null && unitFits(c, split[1]) ? c : null;
    }

    /**
     * The column a normalized name means: as written, else (for Latin names) without the spaces, underscores,
     * hyphens and points between its words, so {@code Contract Date}, {@code contract-date} and the JSON name
     * {@code contractDate} are {@code contract_date}, and {@code Loan ID} in fees.csv is {@code loan_id}.
     */
    private static String named(Map<String, String> aliases, String n) {
        String c = aliases.get(n);
        if (c != null || !latin(n)) {
            return c;
        }
        String compact = compact(n);
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (latin(a.getKey()) && compact(a.getKey()).equals(compact)) {
                return a.getValue();
            }
        }
        return null;
    }

    private static boolean latin(String n) {
        return !n.isEmpty() && n.chars().allMatch(ch -> ch < 0x80);
    }

    private static String compact(String n) {
        return n.replace(" ", "").replace("_", "").replace("-", "").replace(".", "");
    }

    private static boolean unitFits(String column, String unit) {
        String kind = UNIT_OF.get(column);
        return kind != null && UNITS.get(kind).contains(unit.replace(" ", ""));
    }

    /** A normalized header ending in a bracketed part, as {base, unit}; else null. */
    private static String[] unitSplit(String normalized) {
        if (!normalized.endsWith(")")) {
            return null;
        }
        int open = normalized.lastIndexOf('(');
        if (open <= 0) {
            return null;
        }
        String base = normalized.substring(0, open).strip();
        String unit = normalized.substring(open + 1, normalized.length() - 1).strip();
        return base.isEmpty() || unit.isEmpty() ? null : new String[] {base, unit};
    }

    /**
     * Why a header that {@code mapper} does not map would have meant a column but for its unit
     * ({@code 贷款金额(万元)}: principal, but not in yuan), or null when it is simply unknown.
     */
    static String otherUnit(String header, java.util.function.UnaryOperator<String> mapper) {
        String[] split = unitSplit(normalize(header));
        if (split == null) {
            return null;
        }
        String c = mapper.apply(split[0]);
        if (c == null) {
            return null;
        }
        String kind = UNIT_OF.get(c);
        return "column \"" + PlainValues.show(header.strip()) + "\" would be " + c + ", but its unit " + split[1]
                + (kind == null ? " does not fit " + c + ", which has none" : " is not " + UNIT_NAME.get(kind)
                + ", the unit the book gives " + c + " in") + ": the column is not read; export " + c
                + (kind == null ? " without a unit" : " in " + UNIT_NAME.get(kind)) + " (or map this header in"
                + " configuration org.feewatch.loanbook.columns if its values are in fact so)";
    }

    /** Every alias, for documentation and tests. */
    List<String> loanHeaders() {
        return new ArrayList<>(loanAliases.keySet());
    }
}
