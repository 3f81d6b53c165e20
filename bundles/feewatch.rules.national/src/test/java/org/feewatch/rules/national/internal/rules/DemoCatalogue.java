package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.row;

/** The rows of a bank catalogue like the demo case's (pages/catalog.html), as its extractor reads them. */
final class DemoCatalogue {

    static final BankCase.Row[] ROWS = {
        new BankCase.Row("单位人民币跨行转账（柜面）", "为单位客户办理跨行人民币转账汇款",
                "1万元（含）以下每笔5元；1万元至10万元（含）每笔10元；10万元至50万元（含）每笔15元；50万元至100万元（含）每笔20元；100万元以上按汇款金额的0.002%收取，每笔最高200元",
                "政府指导价", "小微企业、个体工商户10万元（含）以下按9折收取"),
        new BankCase.Row("银行承兑汇票承兑手续费", "为客户办理银行承兑汇票承兑", "按票面金额的0.05%收取", "政府指导价", null),
        row("贷款承诺费", "根据客户申请，承诺在约定期限内按约定条件向客户提供贷款", "按承诺金额的0.5%收取", null),
        row("财务顾问费", "为客户提供融资方案设计、财务结构分析等顾问服务，另行签订服务协议", "每笔不超过20000元", "仅适用于大中型企业客户"),
        row("银团贷款安排费", "作为牵头行组织银团、安排贷款", "按安排金额的0.3%-1%收取", "仅适用于大中型企业客户"),
        row("银团贷款代理费", "", "每年不超过50000元", null),
        row("资信证明", "根据客户申请出具资信证明书", "每份200元", "对小微企业免收"),
        row("贷款意向书", "根据客户申请出具贷款意向书", "", null),
        row("非融资性保函手续费", "为客户开立投标、履约等非融资性保函", "按保函金额的年费率1%收取，每笔最低300元", null),
        row("企业网上银行服务", "提供企业网上银行查询、转账等服务", "免费", null),
    };

    private DemoCatalogue() {
    }

    static BankCase newCase() {
        return new BankCase().catalogue("bank-catalog", ROWS);
    }
}
