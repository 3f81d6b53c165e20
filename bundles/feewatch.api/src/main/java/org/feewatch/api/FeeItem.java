package org.feewatch.api;

/**
 * One item of a published price catalogue or partner fee schedule, as extracted from the page.
 *
 * @param sourceId    the source it was read from
 * @param name        the item as published (服务项目 / 收费项目)
 * @param category    the canonical fee category from the synonym dictionary, or null when unknown
 * @param content     服务内容 / 服务说明, or null
 * @param priceText   收费标准 as published, or null
 * @param price       the parsed price (never null: UNSTATED when nothing is stated)
 * @param basis       收费依据 / 定价依据 / 定价方式, including one given by a section heading (政府指导价)
 * @param remark      备注 / 说明 / 优惠措施 / 适用对象, joined
 * @param section     the heading the item sits under, or null
 * @param locator     a CSS path to the item's row or block, for evidence
 * @param text        the item's whole text as it stood, for evidence
 */
public record FeeItem(String sourceId, String name, String category, String content, String priceText, Price price,
        String basis, String remark, String section, String locator, String text) {
}
