package org.feewatch.rules.national.internal.rules;

import java.util.regex.Pattern;

import org.feewatch.api.FeeItem;

/**
 * Whether a published item exempts small and micro borrowers (RULES.md FEE-001): it says
 * 对小微企业免收 or 小微企业…免收, or it applies only to large or medium enterprises.
 */
final class SmallMicroExemption {

    private static final Pattern EXEMPTS_SMALL_MICRO = Pattern.compile("小微[^。；;]{0,30}?(免收|免费|不收取|免予收取|减免)");
    private static final Pattern ONLY_LARGE_OR_MEDIUM =
            Pattern.compile("(仅|只)(适用于|限|对|面向)?[^。；;]{0,6}(大型|中型|大中型)[^。；;]{0,4}企业");

    private SmallMicroExemption() {
    }

    static boolean exempts(FeeItem item) {
        String all = join(item.name(), item.priceText(), item.remark(), item.basis(), item.section(), item.text(),
                item.content());
        return EXEMPTS_SMALL_MICRO.matcher(all).find() || ONLY_LARGE_OR_MEDIUM.matcher(all).find();
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                b.append(p).append('。');
            }
        }
        return b.toString();
    }
}
