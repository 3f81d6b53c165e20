package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static RobotsRules parse(String text) {
        return RobotsRules.parse(text, "feewatch");
    }

    @Test
    void starGroupAppliesWhenNoGroupNamesUs() {
        RobotsRules r = parse("User-agent: *\nDisallow: /private/\n");
        assertFalse(r.allowed("/private/fees.html"));
        assertTrue(r.allowed("/public/fees.html"));
    }

    @Test
    void ourGroupReplacesTheStarGroup() {
        RobotsRules r = parse("User-agent: *\nDisallow: /\n\nUser-agent: FeeWatch\nDisallow: /admin/\n");
        assertTrue(r.allowed("/fees.html"));
        assertFalse(r.allowed("/admin/x"));
    }

    @Test
    void ourGroupWithNoRulesAllowsEverything() {
        RobotsRules r = parse("User-agent: *\nDisallow: /\n\nUser-agent: feewatch\n");
        assertTrue(r.allowed("/fees.html"));
    }

    @Test
    void blankLinesDoNotSplitAGroupsAgents() {
        // RFC 9309: agents listed before a rule share it, blank lines or not
        RobotsRules r = parse("User-agent: feewatch\n\nUser-agent: *\nDisallow: /\n");
        assertFalse(r.allowed("/fees.html"));
    }

    @Test
    void otherRobotsGroupsDoNotApply() {
        RobotsRules r = parse("User-agent: Baiduspider\nDisallow: /\n");
        assertTrue(r.allowed("/fees.html"));
    }

    @Test
    void severalAgentsShareAGroup() {
        RobotsRules r = parse("User-agent: googlebot\nUser-agent: feewatch\nDisallow: /fees\n");
        assertFalse(r.allowed("/fees.html"));
    }

    @Test
    void longestMatchWinsAndAllowWinsATie() {
        RobotsRules r = parse("User-agent: *\nDisallow: /fw/\nAllow: /fw/jgml\nDisallow: /same\nAllow: /same\n");
        assertTrue(r.allowed("/fw/jgml.html"));
        assertFalse(r.allowed("/fw/other.html"));
        assertTrue(r.allowed("/same"));
    }

    @Test
    void wildcardsAndEndAnchor() {
        RobotsRules r = parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n");
        assertFalse(r.allowed("/docs/prices.pdf"));
        assertTrue(r.allowed("/docs/prices.pdf.html"));
        assertFalse(r.allowed("/fees.html?session=1"));
        assertTrue(r.allowed("/fees.html?page=1"));
    }

    @Test
    void emptyDisallowAllowsEverything() {
        assertTrue(parse("User-agent: *\nDisallow:\n").allowed("/anything"));
    }

    @Test
    void commentsAndOddSpacingAreTolerated() {
        RobotsRules r = parse("# site rules\r\nuser-agent : * # everyone\r\n  disallow:/private # keep out\r\nSitemap: https://x/s.xml\r\n");
        assertFalse(r.allowed("/private/x"));
    }

    @Test
    void robotsTxtItselfIsAlwaysAllowed() {
        assertTrue(parse("User-agent: *\nDisallow: /\n").allowed("/robots.txt"));
    }

    @Test
    void percentEscapesCompareWhateverTheirCase() {
        assertFalse(parse("User-agent: *\nDisallow: /%e8%b4%b9\n").allowed("/%E8%B4%B9/list.html"));
    }

    @Test
    void pathologicalPatternsStayFast() {
        RobotsRules r = parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b$\n");
        assertTrue(r.allowed("/" + "a".repeat(5000)));
    }
}
