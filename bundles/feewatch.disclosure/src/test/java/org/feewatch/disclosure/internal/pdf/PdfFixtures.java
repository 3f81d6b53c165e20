package org.feewatch.disclosure.internal.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Writes the PDF fixtures of the tests (run once by hand; the tests read only the committed files):
 *
 * <pre>
 * mvn -q -o -pl bundles/feewatch.disclosure test-compile
 * java -cp "bundles/feewatch.disclosure/target/test-classes:bundles/feewatch.disclosure/target/classes" \
 *     org.feewatch.disclosure.internal.pdf.PdfFixtures . /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
 * </pre>
 *
 * The Chinese text uses a subset of WenQuanYi Micro Hei embedded with a ToUnicode map (as Word and WPS
 * write PDFs); one fixture uses the predefined CMap UniGB-UCS2-H with an Adobe-GB1 font that is not
 * embedded (as older Chinese PDFs do), written by hand because PDFBox writes no such fonts.
 */
public final class PdfFixtures {

    static final String UNIT = "bundles/feewatch.disclosure/src/test/resources/org/feewatch/disclosure/internal/pdf/";
    static final String CASE = "itests/feewatch.conformance/src/test/resources/pdfpages/";

    private static final float MARGIN = 50;
    private static final float PAD = 4;
    private static final float SIZE = 9;
    private static final float LEADING = 12;

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final String runningHeader;
    private final String[] header;
    private final float[] widths;
    /** Cells centred both ways, borders as thin filled bars (as Excel and Word exports draw them). */
    private boolean centred;
    private PDPageContentStream cs;
    private float y;
    private int pageNo;
    private final List<PDPageContentStream> open = new ArrayList<>();

    private PdfFixtures(TrueTypeFont ttf, String runningHeader, String[] header, float[] widths) throws IOException {
        this.font = PDType0Font.load(doc, ttf, true);
        this.runningHeader = runningHeader;
        this.header = header;
        this.widths = widths;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        try (TrueTypeCollection ttc = new TrueTypeCollection(new File(args[1]))) {
            TrueTypeFont ttf = ttc.getFontByName("WenQuanYiMicroHei");
            Files.createDirectories(root.resolve(UNIT));
            Files.createDirectories(root.resolve(CASE));
            catalogue(ttf, root.resolve(CASE + "jgml.pdf"), true);
            catalogue(ttf, root.resolve(UNIT + "catalogue-two-pages.pdf"), true);
            tariff(ttf, root.resolve(CASE + "tariff.pdf"));
            tariff(ttf, root.resolve(UNIT + "bilingual.pdf"));
            schedule(ttf, root.resolve(CASE + "g1.pdf"), "海西融资担保有限公司收费公示", new String[] {"项目", "标准"},
                    new String[][] {{"担保费", "年化担保费率1.5%"}, {"评审费", "不收取"}});
            schedule(ttf, root.resolve(CASE + "f1.pdf"), "云链数字科技 助贷服务收费标准", new String[] {"收费项目", "收费标准", "备注"},
                    new String[][] {{"平台服务费", "按贷款余额每月0.05%", ""}, {"提前还款违约金", "按提前还款本金的2%收取", ""}});
            product(ttf, root.resolve(CASE + "dizhi.pdf"));
            product(ttf, root.resolve(UNIT + "product.pdf"));
            centred(ttf, root.resolve(UNIT + "centred.pdf"));
            scanned(root.resolve(UNIT + "scanned.pdf"));
            withoutUnicode(ttf, root.resolve(UNIT + "no-unicode.pdf"));
            encrypted(ttf, root.resolve(UNIT + "password.pdf"), "secret");
            encrypted(ttf, root.resolve(UNIT + "owner-only.pdf"), "");
            corrupt(ttf, root.resolve(UNIT + "corrupt.pdf"));
            predefinedCMap(root.resolve(UNIT + "unigb-ucs2.pdf"));
        }
    }

    // ---- the layouts ----

    /** 海西农商银行's catalogue (hardpages bank-a jgml.htm) over two pages, its header repeated, with page furniture. */
    private static void catalogue(TrueTypeFont ttf, Path out, boolean twoPages) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, "海西农商银行 服务价格信息公示",
                new String[] {"项目编码", "收费项目", "服务内容", "收费标准（元）", "备注"}, new float[] {50, 66, 150, 130, 99});
        f.newPage();
        f.line(MARGIN + 120, "海西农村商业银行服务价格目录（公司信贷类）", 12);
        f.y -= 6;
        f.headerRow();
        f.section("一、政府指导价");
        // the name wraps in its narrow column
        f.row("10101", "人民币单位结算账户管理费", "为单位结算账户提供账户维护管理服务", "每户每年360元", "小微企业、个体工商户免收");
        f.section("二、市场调节价");
        f.row("20101", "贷款承诺费", "承诺在约定期限内向客户提供贷款", "按承诺金额的0.3%收取", "对小微企业免收");
        f.row("20102", "资金管理费", "为客户提供信贷资金归集、管理服务", "每笔500元", "对小微企业减半收取");
        if (twoPages) {
            f.breakPage();
        }
        f.row("20103", "信贷资信证明费", "出具信贷资信证明", "每份100元", "小微企业、个体工商户免收");
        f.row("20104", "提前还款违约金", "借款人提前偿还贷款", "按提前还款金额的1%收取", "仅对大中型企业收取");
        f.row("20105", "贷款意向书", "出具贷款意向书", "详询营业网点", "");
        f.row("20106", "财务顾问费", "提供融资方案设计等顾问服务", "协议定价", "");
        // tiers on two lines of one price cell
        f.row("20107", "银团贷款安排费", "组织银团、安排贷款", "安排金额5亿元（含）以下：0.5%\n安排金额5亿元以上：0.3%", "");
        f.y -= 8;
        f.line(MARGIN, "注：未列入本目录的项目不得收费。", SIZE);
        f.save(out);
    }

    /** The bilingual tariff (bank-a tariff.html), each header and name cell Chinese over English. */
    private static void tariff(TrueTypeFont ttf, Path out) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, null, null, new float[] {105, 100, 120, 80, 90});
        f.newPage();
        f.line(MARGIN, "对公信贷服务收费标准 Corporate Credit Service Tariff", 11);
        f.y -= 6;
        f.row("服务项目\nService item", "服务内容\nService content", "现行收费标准\nCurrent price", "价格类型\nPrice type",
                "优惠措施\nPreferential policy");
        f.row("贷款承诺费\nLoan commitment fee", "承诺提供贷款\nCommitment to lend", "按承诺金额的0.5%/年 0.5% p.a. of committed amount",
                "市场调节价\nMarket-regulated", "");
        f.row("抵押登记费\nMortgage registration fee", "代办抵押登记\nRegistration of collateral", "每笔200元\nCNY 200 per transaction",
                "市场调节价\nMarket-regulated", "Waived for small and micro enterprises 对小微企业免收");
        f.row("法人账户透支承诺费\nCorporate overdraft commitment fee", "提供透支额度\nOverdraft facility", "按透支额度的0.2%", "市场调节价",
                "对小微企业、个体工商户免收");
        f.row("公司网上银行\nCorporate e-banking", "网银服务\nE-banking service", "免费 Free", "市场调节价", "");
        f.save(out);
    }

    private static void schedule(TrueTypeFont ttf, Path out, String title, String[] header, String[][] rows)
            throws IOException {
        float[] widths = header.length == 2 ? new float[] {120, 200} : new float[] {120, 200, 100};
        PdfFixtures f = new PdfFixtures(ttf, null, null, widths);
        f.newPage();
        f.line(MARGIN, title, 11);
        f.y -= 6;
        f.row(header);
        for (String[] r : rows) {
            f.row(r);
        }
        f.save(out);
    }

    /** bank-a's 经营快贷 page as a one-page flyer. */
    private static void product(TrueTypeFont ttf, Path out) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, null, null, new float[0]);
        f.newPage();
        f.line(MARGIN, "经营快贷", 16);
        f.y -= 6;
        f.line(MARGIN, "利率低至3.85%（年化）", 12);
        f.line(MARGIN, "贷款额度：最高200万元", SIZE);
        f.line(MARGIN, "贷款期限：12个月", SIZE);
        f.line(MARGIN, "还款方式：等额本息", SIZE);
        f.line(MARGIN, "手续费：放款时按贷款金额的1%一次性收取", SIZE);
        f.save(out);
    }

    /** A schedule exported from a spreadsheet: every cell centred both ways, borders as filled bars. */
    private static void centred(TrueTypeFont ttf, Path out) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, null, null, new float[] {40, 80, 150, 130});
        f.centred = true;
        f.newPage();
        f.line(MARGIN, "某某融资担保有限公司收费标准", 12);
        f.y -= 6;
        f.row("序号", "收费项目", "收费标准", "备注");
        f.row("1", "担保费", "按担保金额的1.2%/年收取", "");
        f.row("2", "履约保证金（可退还）", "担保金额的10%", "贷款结清后无息退还借款人全部保证金");
        f.row("3", "评审费", "不收取", "");
        f.save(out);
    }

    /** Text whose font says nothing of the characters it draws: a subset with Identity-H and no ToUnicode map. */
    private static void withoutUnicode(TrueTypeFont ttf, Path out) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, null, null, new float[] {120, 200});
        f.newPage();
        f.row("收费项目", "收费标准");
        f.row("贷款承诺费", "按承诺金额的0.3%收取");
        f.finish();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        f.doc.save(first);
        f.doc.close();
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(first.toByteArray())) {
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                doc.getPage(0).getResources().getFont(name).getCOSObject().removeItem(COSName.TO_UNICODE);
            }
            doc.save(out.toFile());
        }
    }

    private static void scanned(Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, 10, 0);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, img), 50, 600, 400, 200);
            }
            doc.save(out.toFile());
        }
    }

    private static void encrypted(TrueTypeFont ttf, Path out, String userPassword) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, null, null, new float[] {120, 200});
        f.newPage();
        f.row("收费项目", "收费标准");
        f.row("贷款承诺费", "按承诺金额的0.3%收取");
        f.row("资金管理费", "每笔500元");
        f.finish();
        AccessPermission none = new AccessPermission();
        none.setCanExtractContent(false);
        none.setCanModify(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, none);
        policy.setEncryptionKeyLength(128);
        f.doc.protect(policy);
        f.doc.save(out.toFile());
        f.doc.close();
    }

    /** A PDF cut short: its header and the start of its objects, no pages, no cross-reference table. */
    private static void corrupt(TrueTypeFont ttf, Path out) throws IOException {
        PdfFixtures f = new PdfFixtures(ttf, null, null, new float[] {120, 200});
        f.newPage();
        f.row("收费项目", "收费标准");
        f.finish();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        f.doc.save(whole);
        f.doc.close();
        byte[] b = whole.toByteArray();
        byte[] cut = new byte[200];
        System.arraycopy(b, 0, cut, 0, cut.length);
        Files.write(out, cut);
    }

    /**
     * A borderless two-column catalogue in STSong-Light, not embedded, encoded with UniGB-UCS2-H (codes are
     * UCS-2), Adobe-GB1, no ToUnicode map: the text comes from the predefined CMaps alone.
     */
    private static void predefinedCMap(Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSDictionary info = new COSDictionary();
            info.setItem(COSName.REGISTRY, new COSString("Adobe"));
            info.setItem(COSName.ORDERING, new COSString("GB1"));
            info.setInt(COSName.SUPPLEMENT, 2);
            COSDictionary descriptor = new COSDictionary();
            descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
            descriptor.setName(COSName.FONT_NAME, "STSong-Light");
            descriptor.setInt(COSName.FLAGS, 6);
            COSArray bbox = new COSArray();
            for (int v : new int[] {-25, -254, 1000, 880}) {
                bbox.add(COSInteger.get(v));
            }
            descriptor.setItem(COSName.FONT_BBOX, bbox);
            descriptor.setInt(COSName.ITALIC_ANGLE, 0);
            descriptor.setInt(COSName.ASCENT, 880);
            descriptor.setInt(COSName.DESCENT, -120);
            descriptor.setInt(COSName.CAP_HEIGHT, 880);
            descriptor.setInt(COSName.STEM_V, 93);
            COSDictionary cid = new COSDictionary();
            cid.setItem(COSName.TYPE, COSName.FONT);
            cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
            cid.setName(COSName.BASE_FONT, "STSong-Light");
            cid.setItem(COSName.CIDSYSTEMINFO, info);
            cid.setItem(COSName.FONT_DESC, descriptor);
            cid.setInt(COSName.DW, 1000);
            COSDictionary type0 = new COSDictionary();
            type0.setItem(COSName.TYPE, COSName.FONT);
            type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
            type0.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
            type0.setName(COSName.ENCODING, "UniGB-UCS2-H");
            COSArray descendants = new COSArray();
            descendants.add(cid);
            type0.setItem(COSName.DESCENDANT_FONTS, descendants);
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), type0);
            COSDictionary res = new COSDictionary();
            res.setItem(COSName.FONT, fonts);
            page.setResources(new PDResources(res));
            StringBuilder ops = new StringBuilder();
            float top = 780;
            String[][] lines = {{"服务价格目录"}, {"收费项目", "收费标准"}, {"贷款承诺费", "按承诺金额的0.3%收取"},
                {"资金管理费", "每笔500元"}, {"贷款意向书", "详询营业网点"}};
            for (String[] l : lines) {
                float x = MARGIN;
                for (String cell : l) {
                    ops.append("BT /F1 10 Tf ").append(x).append(' ').append(top).append(" Td <").append(ucs2(cell))
                            .append("> Tj ET\n");
                    x += 150;
                }
                top -= 16;
            }
            PDStream stream = new PDStream(doc);
            try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
                os.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            doc.save(out.toFile());
        }
    }

    private static String ucs2(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(String.format("%04X", (int) c));
        }
        return b.toString();
    }

    // ---- drawing ----

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        open.add(cs);
        pageNo++;
        y = page.getMediaBox().getHeight() - MARGIN;
        if (runningHeader != null) {
            line(MARGIN, runningHeader, 8);
            y -= 10;
        }
    }

    /** Ends the page with its footer and starts the next, repeating the table header. */
    private void breakPage() throws IOException {
        footer();
        newPage();
        headerRow();
    }

    private void footer() throws IOException {
        if (runningHeader != null) {
            text(270, 30, "第 " + pageNo + " 页", 8);
        }
    }

    private void headerRow() throws IOException {
        row(header);
    }

    private void line(float x, String s, float size) throws IOException {
        y -= size + 4;
        text(x, y, s, size);
    }

    private void text(float x, float baseline, String s, float size) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(s);
        cs.endText();
    }

    /** A table row: each cell's text wrapped to its column (\n: a line break of its own), top-aligned; borders around every cell. */
    private void row(String... texts) throws IOException {
        String[][] cells = new String[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : texts[i].split("\n", -1)) {
                lines.addAll(wrap(paragraph, widths[i] - 2 * PAD));
            }
            cells[i] = lines.toArray(new String[0]);
        }
        int lines = 1;
        for (String[] c : cells) {
            lines = Math.max(lines, c.length);
        }
        float height = lines * LEADING + 2 * PAD;
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            if (centred) {
                bar(x, y - height, widths[i], 0.5f); // bottom
                bar(x, y, widths[i], 0.5f); // top
                bar(x, y - height, 0.5f, height); // left
                bar(x + widths[i], y - height, 0.5f, height); // right
            } else {
                cs.addRect(x, y - height, widths[i], height);
            }
            float baseline = y - PAD - SIZE - (centred ? (lines - cells[i].length) * LEADING / 2 : 0);
            for (String l : cells[i]) {
                if (!l.isEmpty()) {
                    float indent = centred ? (widths[i] - font.getStringWidth(l) / 1000 * SIZE) / 2 : PAD;
                    text(x + indent, baseline, l, SIZE);
                }
                baseline -= LEADING;
            }
            x += widths[i];
        }
        if (!centred) {
            cs.stroke();
        }
        y -= height;
    }

    /** A paragraph's lines as a typesetter breaks them: Chinese anywhere, Latin at spaces (the space dropped). */
    private List<String> wrap(String paragraph, float width) throws IOException {
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\p{IsLatin}\\d.%/\\-]+|\\s|.").matcher(paragraph);
        while (m.find()) {
            tokens.add(m.group());
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String t : tokens) {
            String next = cur + t;
            if (cur.length() > 0 && !t.isBlank() && font.getStringWidth(next.stripTrailing()) / 1000 * SIZE > width) {
                lines.add(cur.toString().strip());
                cur.setLength(0);
            }
            if (cur.length() > 0 || !t.isBlank()) {
                cur.append(t);
            }
        }
        lines.add(cur.toString().strip());
        return lines;
    }

    private void bar(float x, float y0, float w, float h) throws IOException {
        cs.addRect(x, y0, w, h);
        cs.fill();
    }

    /** A row of one cell across the table (a section). */
    private void section(String title) throws IOException {
        float width = 0;
        for (float w : widths) {
            width += w;
        }
        float height = LEADING + 2 * PAD;
        cs.addRect(MARGIN, y - height, width, height);
        cs.stroke();
        text(MARGIN + PAD, y - PAD - SIZE, title, SIZE);
        y -= height;
    }

    private void finish() throws IOException {
        footer();
        for (PDPageContentStream s : open) {
            s.close();
        }
        open.clear();
    }

    private void save(Path out) throws IOException {
        finish();
        doc.getDocumentInformation().setTitle(null);
        doc.save(out.toFile());
        doc.close();
    }
}
