package org.feewatch.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;

/**
 * Generated price-catalogue pages shaped like real ones (fictional banks): 政府指导价 / 政府定价 /
 * 市场调节价 sections with 5-digit codes, six columns, tiers split over rowspan rows, continuation
 * rows, category rows, remarks with discount dates, and a few block-laid-out items. The same seed
 * gives the same pages.
 */
public final class CataloguePages {

    private static final String[] SECTIONS = {"一、政府指导价", "二、政府定价", "三、市场调节价"};
    private static final String[] ITEMS = {"单位人民币跨行转账", "单位结算账户管理费", "银行承兑汇票承兑手续费", "贷款承诺费",
        "财务顾问费", "银团贷款安排费", "银团贷款代理费", "资信证明", "非融资性保函手续费", "企业网上银行服务", "电子回单打印",
        "对账单邮寄", "单位存款证明", "账户资金监管服务费", "应收账款质押管理费", "融资咨询服务费", "支票工本费", "本票手续费"};
    private static final String[] PRICES = {"按承诺金额的0.5%收取", "每笔不超过20000元", "按安排金额的0.3%-1%收取",
        "每年不超过50000元", "每份200元", "按保函金额的年费率1%收取，每笔最低300元", "免费", "协议定价", "取消收费",
        "每户每年360元", "按票面金额的0.05%收取", ""};
    private static final String[] REMARKS = {"", "对小微企业免收", "仅适用于大中型企业客户",
        "2021年9月30日至2024年12月31日对小微企业按9折收取", "小微企业、个体工商户10万元（含）以下按9折收取"};

    private CataloguePages() {
    }

    public static final SourceRef SOURCE = new SourceRef("bench-catalog", "BENCH", SourceKind.PRICE_CATALOG, null,
            "pages/catalog.html", null);

    /** {@code count} snapshots, pages of 30 to 60 items each. */
    public static Snapshot[] generate(int count, long seed) {
        Random random = new Random(seed);
        Snapshot[] pages = new Snapshot[count];
        for (int i = 0; i < count; i++) {
            String html = page(i, random);
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            pages[i] = new Snapshot("bench-catalog", "pages/catalog-" + i + ".html", "0".repeat(64), "text/html",
                    "UTF-8", "meta", Instant.EPOCH, body, html);
        }
        return pages;
    }

    private static String page(int n, Random random) {
        StringBuilder b = new StringBuilder(40_000);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>服务价格目录 - 第").append(n)
                .append("号村镇银行</title><script>var x = 1;</script></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>")
                .append("<div class=\"content\"><h1>第").append(n).append("号村镇银行服务价格目录</h1>")
                .append("<p>根据《商业银行服务价格管理办法》，现将我行服务价格公示如下，咨询电话95000。</p>");
        int code = 11001;
        for (int s = 0; s < SECTIONS.length; s++) {
            b.append("<p><strong>").append(SECTIONS[s]).append("</strong></p>");
            b.append("<table border=\"1\"><tr><td>序号</td><td>服务项目</td><td>服务内容</td><td>现行收费标准</td>")
                    .append("<td>收费依据</td><td>备注</td></tr>");
            int rows = 10 + random.nextInt(11);
            for (int r = 0; r < rows; r++) {
                if (r > 0 && random.nextInt(8) == 0) {
                    b.append("<tr><td colspan=\"6\">（").append("一二三四五".charAt(random.nextInt(5))).append("）类别")
                            .append(r).append("</td></tr>");
                }
                String item = ITEMS[random.nextInt(ITEMS.length)] + r;
                String basis = s == 2 ? "" : "发改价格〔2014〕268号";
                String remark = REMARKS[random.nextInt(REMARKS.length)];
                int kind = random.nextInt(6);
                if (kind == 0) {
                    int tiers = 3 + random.nextInt(3);
                    b.append("<tr><td rowspan=\"").append(tiers).append("\">").append(code++).append("</td><td rowspan=\"")
                            .append(tiers).append("\">").append(item).append("</td><td rowspan=\"").append(tiers)
                            .append("\">为客户办理").append(item).append("</td><td>1万元（含）以下每笔5元</td><td rowspan=\"")
                            .append(tiers).append("\">").append(basis).append("</td><td rowspan=\"").append(tiers)
                            .append("\">").append(remark).append("</td></tr>");
                    for (int t = 1; t < tiers; t++) {
                        b.append("<tr><td>").append(t * 10).append("万元至").append(t * 10 + 10).append("万元（含）每笔")
                                .append(5 + 5 * t).append("元</td></tr>");
                    }
                } else {
                    b.append("<tr><td>").append(code++).append("</td><td>").append(item).append("</td><td>")
                            .append(kind == 1 ? "" : "根据客户申请提供" + item + "服务").append("</td><td>")
                            .append(PRICES[random.nextInt(PRICES.length)]).append("</td><td>").append(basis)
                            .append("</td><td>").append(remark).append("</td></tr>");
                    if (kind == 2) {
                        b.append("<tr><td></td><td></td><td></td><td>每笔最低300元</td><td></td><td></td></tr>");
                    }
                }
            }
            b.append("</table>");
            code = code - code % 1000 + 1001;
        }
        b.append("<h2>其他服务</h2>");
        for (int k = 0; k < 3; k++) {
            b.append("<dl class=\"fee\"><dt>其他服务项目").append(k).append("</dt><dd>服务内容：按客户申请提供</dd>")
                    .append("<dd>收费标准：每笔").append(10 * (k + 1)).append("元</dd></dl>");
        }
        b.append("<p>注：1.政府指导价、政府定价项目按国家有关规定执行；2.市场调节价项目如有调整，我行将提前三个月公示。</p>")
                .append("</div></body></html>");
        return b.toString();
    }
}
