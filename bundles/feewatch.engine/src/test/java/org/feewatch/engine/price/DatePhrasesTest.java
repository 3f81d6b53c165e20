package org.feewatch.engine.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatePhrasesTest {

    private static void assertPeriod(String from, String to, String text) {
        DateRange r = DatePhrases.period(text);
        assertTrue(r != null, "no period read from " + text);
        assertEquals(from == null ? null : LocalDate.parse(from), r.from(), "start of " + text);
        assertEquals(to == null ? null : LocalDate.parse(to), r.to(), "end of " + text);
    }

    @Test
    void datesInEveryWrittenForm() {
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("2023年1月1日"));
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("2023 年 1 月 1 号"));
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("2023.1.1"));
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("2023/01/01"));
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("2023-01-01"));
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("２０２３年１月１日"));
        assertEquals(LocalDate.of(2023, 1, 1), DatePhrases.date("２０２３．０１．０１"));
    }

    @Test
    void datesInNumerals() {
        assertEquals(LocalDate.of(2023, 3, 1), DatePhrases.date("二〇二三年三月一日"));
        assertEquals(LocalDate.of(2024, 12, 31), DatePhrases.date("二零二四年十二月三十一日"));
        assertEquals(LocalDate.of(2023, 10, 20), DatePhrases.date("二○二三年十月二十日"));
        assertEquals(LocalDate.of(2023, 11, 10), DatePhrases.date("二O二三年十一月十日"));
        assertEquals(LocalDate.of(2023, 3, 1), DatePhrases.date("2023年三月一日"));
        assertEquals(LocalDate.of(2023, 3, 1), DatePhrases.date("２０２３年三月一日"));
        assertEquals(LocalDate.of(2023, 3, 1), DatePhrases.date("2023年3月1日起"));
        assertPeriod("2023-03-01", null, "自二〇二三年三月一日起执行");
        assertPeriod("2024-01-01", "2024-12-31", "二〇二四年一月一日至二〇二四年十二月三十一日");
        assertPeriod(null, "2024-12-31", "优惠期至二零二四年十二月三十一日");
        assertPeriod("2024-01-01", "2024-12-31", "二〇二四年一月至二〇二四年十二月");
        assertTrue(DatePhrases.ranges("贷款期限为一年，每三个月付息").isEmpty());
    }

    @Test
    void startPhrases() {
        assertPeriod("2023-01-01", null, "2023年1月1日起执行");
        assertPeriod("2023-01-01", null, "自2023年1月1日起");
        assertPeriod("2023-01-01", null, "2023-01-01");
        assertPeriod("2023-01-01", null, "2023.1.1生效");
        assertPeriod("2023-01-01", null, "2023年1月起");
        assertPeriod("2023-01-01", null, "2023年起");
        assertPeriod("2022-01-01", null, "2022年1月1日至今");
        assertPeriod("2022-01-01", null, "2022-01-01至长期");
    }

    @Test
    void rangePhrases() {
        assertPeriod("2022-03-01", "2024-12-31", "自2022年3月1日至2024年12月31日");
        assertPeriod("2022-03-01", "2024-12-31", "自2022年3月1日至2024年12月31日止");
        assertPeriod("2021-09-30", "2024-09-30", "2021年9月30日至2024年9月30日，对小微企业免收");
        assertPeriod("2023-01-01", "2023-12-31", "2023/01/01-2023/12/31");
        assertPeriod("2023-01-01", "2023-12-31", "2023.1.1～2023.12.31");
        assertPeriod("2023-01-01", "2024-06-30", "2023年1月至2024年6月");
        assertPeriod("2022-03-01", "2024-12-31", "自2022年3月1日起执行，2024年12月31日止");
        assertPeriod("2024-01-01", "2024-12-31", "自2024年1月1日起至2024年12月31日止");
        assertPeriod("2024-01-01", "2024-12-31", "自2024年1月1日起至2024年12月31日止，对小微企业免收");
        assertPeriod("2024-01-01", "2024-12-31", "2024年1月1日（含）起至2024年12月31日（含）");
    }

    @Test
    void endPhrases() {
        assertPeriod(null, "2025-12-31", "优惠期至2025年12月31日");
        assertPeriod(null, "2024-09-30", "截至2024年9月30日");
        assertPeriod(null, "2024-09-30", "2024年9月30日前免收");
        assertPeriod(null, "2025-12-31", "优惠至2025年底");
        assertPeriod(null, "2024-06-30", "有效期至2024年6月");
    }

    @Test
    void numbersThatAreNoDates() {
        assertTrue(DatePhrases.ranges("按贷款金额的0.5%收取，最低2000元").isEmpty());
        assertTrue(DatePhrases.ranges("依据银发〔2021〕169号").isEmpty());
        assertTrue(DatePhrases.ranges("中国银监会、国家发展改革委令2014年第1号").isEmpty());
        assertTrue(DatePhrases.ranges("每笔2023.5元").isEmpty());
        assertTrue(DatePhrases.ranges("2023-13-01").isEmpty());
        assertTrue(DatePhrases.ranges("长期有效").isEmpty());
        assertNull(DatePhrases.period(null));
        assertNull(DatePhrases.period("对小微企业免收"));
    }

    @Test
    void severalPeriodsInOneText() {
        List<DateRange> r = DatePhrases.ranges("2022年1月1日至2022年12月31日：每笔300元；2023年1月1日起：每笔200元");
        assertEquals(2, r.size());
        assertEquals(LocalDate.of(2022, 12, 31), r.get(0).to());
        assertEquals(LocalDate.of(2023, 1, 1), r.get(1).from());
        assertNull(r.get(1).to());
    }

    @Test
    void labelsInIsoDates() {
        assertEquals("2023-01-01起", DatePhrases.period("2023年1月1日起执行").label());
        assertEquals("至2025-12-31", DatePhrases.period("优惠期至2025年12月31日").label());
        assertEquals("2021-09-30至2024-09-30", DatePhrases.period("2021.9.30-2024.9.30").label());
    }

    @Test
    void containsIncludesBothEnds() {
        DateRange r = DatePhrases.period("2021年9月30日至2024年9月30日");
        assertTrue(r.contains(LocalDate.of(2021, 9, 30)));
        assertTrue(r.contains(LocalDate.of(2024, 9, 30)));
        assertTrue(!r.contains(LocalDate.of(2024, 10, 1)));
        assertTrue(!r.contains(LocalDate.of(2021, 9, 29)));
        assertTrue(!r.contains(null));
    }
}
