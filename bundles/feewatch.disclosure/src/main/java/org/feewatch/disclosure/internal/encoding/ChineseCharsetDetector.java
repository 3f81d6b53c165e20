package org.feewatch.disclosure.internal.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * Guesses the charset of a page that declares none (or declares one its bytes do not fit), among
 * UTF-8, GB18030 (GBK, GB2312) and Big5. Valid UTF-8 with multi-byte characters is taken as UTF-8,
 * since other encodings almost never form valid UTF-8 by chance. Otherwise every candidate decodes
 * the bytes and is scored by how many of its characters are common written Chinese, less a penalty
 * per undecodable sequence: GBK bytes read as Big5 (and the reverse) decode mostly into rare
 * characters, so the right reading scores clearly higher.
 */
public final class ChineseCharsetDetector {

    /** A wrong reading's common characters are a few percent of its text; a penalty this size per error keeps mojibake from winning. */
    private static final int ERROR_PENALTY = 4;

    /** How many more common characters the other reading needs before a GB or Big5 label is overruled; a few stray matches never are. */
    private static final int MISLABEL_MARGIN = 8;

    /** About a thousand of the most frequent characters of written Chinese, in simplified and traditional forms, plus CJK punctuation. */
    private static final BitSet COMMON = new BitSet(0x10000);

    static {
        String simplified = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湖钟奥灯闭贷贴租账户融担押抵贸汇票据折扣惠额度";
        String traditional = "這個們國來說時會對過發後裡經麼學現當動沒點業將兩間問體與長機無開實關進還樣頭見讓認條統給則聽質書話電數報車親東語種應錢錯銀貸費務價備處產從於著為爲總聯資計據級歷變單雖難運連選邊達遠陽際隊領風飛馬黨區華萬專嚴臨麗舉義樂習買亂爭雲億兒內冊劃剛創劉勝勢協衛廣慶廠縣參雙號葉結線織約紀紅網羅職聲腦臺興舊藝節範術衝補裝製複規視覺觀記設許訴試論謝證識講議讀財貨貴賣購軍轉輕輸辦遞鄉鐵門閱險隨隻雜靈響頁項順須題顏類顯館驗鬥魚黃齊龍帳戶擔貼匯額優惠彙";
        String punctuation = "，。、；：？！“”‘’（）《》【】％·…—　";
        for (String s : List.of(simplified, traditional, punctuation)) {
            s.chars().forEach(COMMON::set);
        }
    }

    private static final List<Charset> LEGACY = List.of(CharsetNames.GB18030, CharsetNames.BIG5);

    private ChineseCharsetDetector() {
    }

    /** A candidate reading and its score. */
    record Reading(Charset charset, StrictDecoder.Result result, long score) {
    }

    /** The most plausible charset for {@code body} from {@code offset}, among UTF-8, GB18030 and Big5. */
    public static Charset detect(byte[] body, int offset) {
        return best(body, offset, List.of()).charset();
    }

    /**
     * The best reading among UTF-8, GB18030, Big5 and {@code declared} (charsets the page claimed but
     * whose bytes did not all decode). Ties go to the earlier candidate: declared ones first.
     */
    static Reading best(byte[] body, int offset, List<Charset> declared) {
        if (isAscii(body, offset)) {
            Charset cs = declared.isEmpty() ? StandardCharsets.UTF_8 : declared.get(0);
            return new Reading(cs, StrictDecoder.decode(body, offset, cs), 0);
        }
        StrictDecoder.Result utf8 = StrictDecoder.decode(body, offset, StandardCharsets.UTF_8);
        if (utf8.errors() == 0) {
            return new Reading(StandardCharsets.UTF_8, utf8, Long.MAX_VALUE);
        }
        Reading best = null;
        java.util.LinkedHashSet<Charset> candidates = new java.util.LinkedHashSet<>(declared);
        candidates.addAll(LEGACY);
        candidates.add(StandardCharsets.UTF_8);
        for (Charset cs : candidates) {
            StrictDecoder.Result r = cs.equals(StandardCharsets.UTF_8) ? utf8 : StrictDecoder.decode(body, offset, cs);
            Reading reading = new Reading(cs, r, score(r));
            if (best == null || reading.score() > best.score()) {
                best = reading;
            }
        }
        return best;
    }

    /**
     * True when {@code charset} is GB18030 or Big5, decoded {@code body} without error, and yet the
     * other one reads it as far more common Chinese: GB and Big5 accept most of each other's byte
     * pairs, so a page labelled gb2312 but written in Big5 decodes "cleanly" into rare characters.
     * Likewise for a single-byte label (iso-8859-1, windows-1252) on a page whose bytes read as
     * Chinese in UTF-8, GB18030 or Big5: an old server's default label, not the page's charset.
     */
    static boolean clearlyTheOtherScript(byte[] body, int offset, Charset charset, StrictDecoder.Result reading) {
        Charset other = charset.equals(CharsetNames.GB18030) ? CharsetNames.BIG5
                : charset.equals(CharsetNames.BIG5) ? CharsetNames.GB18030 : null;
        if (other == null) {
            // a Latin label (iso-8859-1, windows-1252) decodes any bytes; Chinese bytes behind it read as far
            // more common Chinese in a Chinese charset than the Latin reading ever can
            return singleByte(charset) && best(body, offset, List.of()).score() > 2 * score(reading) + MISLABEL_MARGIN;
        }
        long own = score(reading);
        long theirs = score(StrictDecoder.decode(body, offset, other));
        return theirs > 2 * own + MISLABEL_MARGIN;
    }

    private static boolean singleByte(Charset charset) {
        try {
            return charset.newEncoder().maxBytesPerChar() <= 1.0f;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    static long score(StrictDecoder.Result r) {
        long common = r.text().chars().filter(COMMON::get).count();
        return common - (long) ERROR_PENALTY * r.errors();
    }

    private static boolean isAscii(byte[] body, int offset) {
        for (int i = offset; i < body.length; i++) {
            if (body[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
