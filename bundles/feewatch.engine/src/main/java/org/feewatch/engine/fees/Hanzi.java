package org.feewatch.engine.fees;

/**
 * Traditional Chinese characters read as their simplified forms, so that words matched against
 * the simplified vocabulary and fee dictionary (收費標準, 貸款承諾費, 對小微企業免收) are recognised on
 * Big5 and traditional-character pages. Only for matching: names stay as published.
 */
public final class Hanzi {

    /** Pairs of (traditional, simplified), the characters of fee and loan disclosure wording. */
    private static final String TRADITIONAL =
            "費項標準務內據價調節註說對業個體戶筆額貸還違約證書託劃撥擔險評記帳賬諾銀團結匯轉單續辦國際類發與執種"
            + "納繳資產權處義條補償償讓據錄網線電話聯繫邊遲延期數變動優惠減並僅適們員機構關於為從無須應額點"
            + "範圍實現場紀錄經營決濟裡齊壹貳參肆伍陸柒捌玖拾萬億圓"
            + "備號協議確雙詳詢諮暫幣計則規週給認運貨憑儲鈔兌換餘過張頁時間";
    private static final String SIMPLIFIED =
            "费项标准务内据价调节注说对业个体户笔额贷还违约证书托划拨担险评记帐账诺银团结汇转单续办国际类发与执种"
            + "纳缴资产权处义条补偿偿让据录网线电话联系边迟延期数变动优惠减并仅适们员机构关于为从无须应额点"
            + "范围实现场纪录经营决济里齐壹贰参肆伍陆柒捌玖拾万亿圆"
            + "备号协议确双详询咨暂币计则规周给认运货凭储钞兑换余过张页时间";
    private static final char[] MAP = new char[0x10000];

    static {
        if (TRADITIONAL.length() != SIMPLIFIED.length()) {
            throw new IllegalStateException("Hanzi: the traditional and simplified tables differ in length");
        }
        for (int i = 0; i < TRADITIONAL.length(); i++) {
            MAP[TRADITIONAL.charAt(i)] = SIMPLIFIED.charAt(i);
        }
    }

    private Hanzi() {
    }

    /** The text with every known traditional character replaced by its simplified form. */
    public static String simplified(String text) {
        if (text == null) {
            return null;
        }
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char s = MAP[text.charAt(i)];
            if (s != 0) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? text : new String(out);
    }
}
