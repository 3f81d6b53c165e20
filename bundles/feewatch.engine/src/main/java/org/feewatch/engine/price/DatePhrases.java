package org.feewatch.engine.price;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the periods a price list states in Chinese date phrases (生效日期 / 执行日期 columns, 「2023年1月1日起执行」,
 * 「自2022年3月1日至2024年12月31日」, 「优惠期至2025年12月31日」). Stateless and thread-safe.
 *
 * <p>Dates: 2023年1月1日 (or 号), 2023.1.1, 2023/01/01, 2023-01-01, full-width digits; a month without a
 * day (2023年1月, 2023-01) and a year alone (2023年) start on their first day and end on their last;
 * 2024年底 / 年末 and 9月底 / 月末 are the last day. Periods:
 * <ul>
 * <li>a range: two dates joined by 至, 到, -, —, ~ (自…至…止); 「…至今」 and 「…至长期」 have no end;</li>
 * <li>a start: a date followed by 起, 开始, 以后, 生效, 执行 …, or after 自 / 从 / 于, or a date standing
 * alone (what an 生效日期 column holds);</li>
 * <li>an end: a date after 至, 到, 截至, 截止 (优惠期至…, 有效期至…), or followed by 前, 之前, 止, 为止;
 * 「2024年9月30日前」 includes the 30th, as a bank's notice means it.</li>
 * </ul>
 */
public final class DatePhrases {

    /** A date: year (19xx/20xx), then 年…月…日, or separators . / - ; month and day optional. */
    private static final Pattern DATE = Pattern.compile(
            "(?<![\\d.])((?:19|20)\\d{2})\\s*(?:年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*[日号]|(底|末|初))?|(底|末|初))?"
                    + "|[./-](\\d{1,2})(?:[./-](\\d{1,2}))?(?![\\d%‰元万千亿]))");
    private static final Pattern JOIN = Pattern.compile("^\\s*(?:\\(含\\))?\\s*(?:起)?\\s*(?:至|到|-|—|–|~|起至|止至)\\s*$");
    private static final Pattern START_AFTER = Pattern.compile("^\\s*(?:\\(含\\))?\\s*(?:起|开始|以来|以后|之后|后|生效|执行|施行|实施|启用)");
    private static final Pattern START_BEFORE = Pattern.compile("(?:自|从|于|自从|起始日|生效日|开始日)\\s*[:：]?\\s*$");
    private static final Pattern END_BEFORE = Pattern.compile("(?:截至|截止|截止到|截止至|至|到|止于|直至|到期日)\\s*[:：]?\\s*$");
    private static final Pattern END_AFTER = Pattern.compile("^\\s*(?:\\(含\\))?\\s*(?:前|之前|以前|止|为止|截止|到期)");
    private static final Pattern YEAR_ALONE_AFTER = Pattern.compile("^\\s*(?:起|开始|以来|以后|至|到|-|~|前|之前|以前|止|为止|生效|执行)");
    private static final Pattern YEAR_ALONE_BEFORE = Pattern.compile("(?:自|从|至|到|截至|截止|直至|-|~)\\s*$");
    private static final Pattern OPEN_END = Pattern.compile("^\\s*(?:起)?\\s*(?:至|到|-|—|~)\\s*(?:今|长期|永久|无限期)");

    private DatePhrases() {
    }

    /** A date read from text, with where it stood and how precise it was. */
    private record Token(int start, int end, int year, int month, int day, String edge) {

        /** The first day the token names. */
        LocalDate first() {
            if (month == 0) {
                return "底".equals(edge) || "末".equals(edge) ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (day == 0) {
                YearMonth ym = YearMonth.of(year, month);
                return "底".equals(edge) || "末".equals(edge) ? ym.atEndOfMonth() : ym.atDay(1);
            }
            return LocalDate.of(year, month, day);
        }

        /** The last day the token names. */
        LocalDate last() {
            if (month == 0) {
                return "初".equals(edge) ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
            }
            if (day == 0) {
                YearMonth ym = YearMonth.of(year, month);
                return "初".equals(edge) ? ym.atDay(1) : ym.atEndOfMonth();
            }
            return LocalDate.of(year, month, day);
        }
    }

    /** The first date the text names (its first day), or null. */
    public static LocalDate date(String text) {
        List<Token> tokens = tokens(normalise(text));
        return tokens.isEmpty() ? null : tokens.get(0).first();
    }

    /**
     * The one period a text states, or null when it names no date: its first period, an open end of
     * which is closed by the next period when that one has only the other end (「自2022年3月1日起执行，
     * 2024年12月31日止」).
     */
    public static DateRange period(String text) {
        List<DateRange> all = ranges(text);
        if (all.isEmpty()) {
            return null;
        }
        DateRange first = all.get(0);
        if (all.size() > 1) {
            DateRange next = all.get(1);
            if (first.to() == null && first.from() != null && next.from() == null && next.to() != null
                    && !next.to().isBefore(first.from())) {
                return new DateRange(first.from(), next.to(), first.text() + "，" + next.text());
            }
            if (first.from() == null && next.to() == null && next.from() != null && first.to() != null
                    && !first.to().isBefore(next.from())) {
                return new DateRange(next.from(), first.to(), first.text() + "，" + next.text());
            }
        }
        return first;
    }

    /** The periods the text states, in order; empty when it names no date. */
    public static List<DateRange> ranges(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = normalise(text);
        List<Token> tokens = tokens(s);
        List<DateRange> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String before = s.substring(i == 0 ? 0 : tokens.get(i - 1).end(), t.start());
            int nextStart = i + 1 < tokens.size() ? tokens.get(i + 1).start() : s.length();
            String after = s.substring(t.end(), nextStart);
            if (i + 1 < tokens.size() && JOIN.matcher(after).matches()) {
                Token u = tokens.get(i + 1);
                LocalDate from = t.first();
                LocalDate to = u.last();
                if (!to.isBefore(from)) {
                    int end = u.end();
                    Matcher close = Pattern.compile("^\\s*(?:\\(含\\))?\\s*(?:止|为止)?").matcher(s.substring(end));
                    if (close.find()) {
                        end += close.end();
                    }
                    out.add(new DateRange(from, to, s.substring(phraseStart(s, t.start()), end).trim()));
                }
                i++;
                continue;
            }
            Matcher open = OPEN_END.matcher(after);
            if (open.find()) {
                out.add(new DateRange(t.first(), null, s.substring(phraseStart(s, t.start()), t.end() + open.end()).trim()));
                continue;
            }
            Matcher endAfter = END_AFTER.matcher(after);
            if (END_BEFORE.matcher(before).find() && !START_AFTER.matcher(after).find() || endAfter.find()) {
                int end = t.end() + (endAfter.find(0) ? endAfter.end() : 0);
                out.add(new DateRange(null, t.last(), s.substring(phraseStart(s, t.start()), end).trim()));
                continue;
            }
            Matcher startAfter = START_AFTER.matcher(after);
            int end = t.end() + (startAfter.find() ? startAfter.end() : 0);
            if (t.edge() != null && ("底".equals(t.edge()) || "末".equals(t.edge()))
                    && !START_AFTER.matcher(after).find() && !START_BEFORE.matcher(before).find()) {
                out.add(new DateRange(null, t.last(), s.substring(t.start(), end).trim())); // 2024年底 alone: an end
            } else {
                out.add(new DateRange(t.first(), null, s.substring(phraseStart(s, t.start()), end).trim()));
            }
        }
        return out;
    }

    /** Where the phrase around a date starts: its 自 / 从 / 至 / 截至 lead word when there is one. */
    private static int phraseStart(String s, int dateStart) {
        Matcher m = Pattern.compile("(?:自|从|于|截至|截止|至|到|直至)\\s*$").matcher(s.substring(0, dateStart));
        return m.find() ? m.start() : dateStart;
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        Matcher m = DATE.matcher(s);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            String month = m.group(2) != null ? m.group(2) : m.group(6);
            String day = m.group(3) != null ? m.group(3) : m.group(7);
            String edge = m.group(4) != null ? m.group(4) : m.group(5);
            boolean chinese = m.group(0).contains("年");
            if (!chinese && month == null) {
                continue;
            }
            if (month == null && edge == null && !YEAR_ALONE_AFTER.matcher(s.substring(m.end())).find()
                    && !YEAR_ALONE_BEFORE.matcher(s.substring(0, m.start())).find()) {
                continue; // 令2014年第1号 names a document, not a period: a year alone needs 起, 至 …
            }
            try {
                int mo = month == null ? 0 : Integer.parseInt(month);
                int d = day == null ? 0 : Integer.parseInt(day);
                if (mo > 12 || month != null && mo < 1 || day != null && d < 1) {
                    continue;
                }
                if (d > 0) {
                    LocalDate.of(year, mo, d); // checks the day exists
                }
                out.add(new Token(m.start(), m.end(), year, mo, d, edge));
            } catch (DateTimeException | NumberFormatException e) {
                // not a date after all (2023.13.1, 2023-02-30): the text states no date there
            }
        }
        return out;
    }

    /**
     * A date written in numerals (二〇二三年三月一日, 二零二四年十二月三十一日, 2023年三月一日): a year of four digit
     * words (〇, ○ and 零 for zero) or figures, then 年, and a month and a day in words when they are written so.
     */
    private static final Pattern NUMERAL_DATE = Pattern.compile("([〇○零Oo一二三四五六七八九]{4}|(?:19|20)\\d{2})\\s*年"
            + "(?:\\s*(十[一二]?|[一二三四五六七八九十]|\\d{1,2})\\s*月(?:\\s*(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
            + "|[一二三四五六七八九]|\\d{1,2})\\s*([日号]))?)?");
    private static final String DIGIT_WORDS = "〇一二三四五六七八九";

    /** Full-width digits and punctuation as ASCII; dates in numerals as figures (二〇二三年三月一日 as 2023年3月1日). */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            } else if (c == '〜') {
                c = '~';
            } else if (c == '—' || c == '–') {
                c = '-';
            }
            b.append(c);
        }
        return numeralDates(b.toString());
    }

    /** Dates written in numerals rewritten in figures; text with no numeral date comes back as it is. */
    private static String numeralDates(String text) {
        boolean words = false;
        for (int i = 0; i < text.length() && !words; i++) {
            char c = text.charAt(i);
            words = c == '年' && i > 0 && "〇○零一二三四五六七八九".indexOf(text.charAt(i - 1)) >= 0 || (c == '月' && i > 0 && "一二三四五六七八九十".indexOf(text.charAt(i - 1)) >= 0);
        }
        if (!words) {
            return text;
        }
        Matcher m = NUMERAL_DATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            StringBuilder d = new StringBuilder();
            for (char c : m.group(1).toCharArray()) {
                d.append(c >= '0' && c <= '9' ? c : (char) ('0' + value(c)));
            }
            d.append('年');
            if (m.group(2) != null) {
                d.append(PriceParser.chineseNumber(m.group(2)).intValue()).append('月');
                if (m.group(3) != null) {
                    d.append(PriceParser.chineseNumber(m.group(3)).intValue()).append(m.group(4));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(d.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A digit word's value: 〇, ○ and 零 are 0. */
    private static int value(char c) {
        return c == '○' || c == '零' || c == 'O' || c == 'o' ? 0 : DIGIT_WORDS.indexOf(c);
    }
}
