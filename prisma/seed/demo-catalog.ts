import type { Db } from "#app/lib/db.server.ts";
import { productSearchKey } from "#app/modules/catalog/products.server.ts";

// Demo catalog (issue #18): ~40 industrial products in five categories — the seed's 平衡机 (SY3240),
// 数控机床 and 空压机, measuring instruments and consumables sold by 支/包/箱 — with approved tiered
// price schemes (category discounts, product price tiers, a customer-level scheme). Idempotent: keyed
// by SKU, category name and scheme name.

interface DemoProduct {
  sku: string;
  name: string;
  unit: string;
  price: string;
  cost: string;
  line: string;
  specs: Array<[string, string]>;
  features: string;
  packagings?: Array<[string, number, string]>;
  taxRateBp?: number;
}

const BALANCERS: DemoProduct[] = [
  ["SY3240", "SY3240 卧式动平衡机", "128000.00", "3200 kg"],
  ["SY1600", "SY1600 卧式动平衡机", "86000.00", "1600 kg"],
  ["SY0500", "SY0500 卧式动平衡机", "52000.00", "500 kg"],
  ["SY0160", "SY0160 小型动平衡机", "36800.00", "160 kg"],
  ["SYL300", "SYL300 立式单面动平衡机", "45800.00", "300 kg"],
  ["SYL050", "SYL050 立式单面动平衡机", "28600.00", "50 kg"],
  ["SYQ100", "SYQ100 全自动去重平衡机", "168000.00", "100 kg"],
  ["SYC010", "SYC010 传动轴动平衡机", "98000.00", "10 kg"],
].map(([code, name, price, load]) => ({
  sku: `BAL-${code}`,
  name: name as string,
  unit: "台",
  price: price as string,
  cost: (Number(price) * 0.62).toFixed(2),
  line: "工业平衡",
  specs: [
    ["最大工件重量", load as string],
    ["平衡精度", "≤0.5 g·mm/kg"],
    ["测量系统", "SY-9000 数字测量"],
  ],
  features: "一次启动显示不平衡量与相位\n中文触摸屏操作\n支持自动定位",
}));

const CNC: DemoProduct[] = [
  ["CK6150", "CK6150 数控车床", "168000.00", "Φ500 mm"],
  ["CK6140", "CK6140 数控车床", "128000.00", "Φ400 mm"],
  ["CK6136", "CK6136 经济型数控车床", "89000.00", "Φ360 mm"],
  ["VMC850", "VMC850 立式加工中心", "268000.00", "800×500 mm"],
  ["VMC1060", "VMC1060 立式加工中心", "358000.00", "1000×600 mm"],
  ["HMC630", "HMC630 卧式加工中心", "1280000.00", "630×630 mm"],
  ["XK7132", "XK7132 数控铣床", "158000.00", "320×1320 mm"],
  ["TC500", "TC500 钻攻中心", "228000.00", "500×400 mm"],
].map(([code, name, price, size]) => ({
  sku: `CNC-${code}`,
  name: name as string,
  unit: "台",
  price: price as string,
  cost: (Number(price) * 0.7).toFixed(2),
  line: code!.startsWith("CK") ? "数控车削" : "加工中心",
  specs: [
    ["加工范围", size as string],
    ["数控系统", "FANUC 0i-TF / 广数 980TDi"],
    ["定位精度", "±0.005 mm"],
  ],
  features: "整体铸件床身\n主轴恒温冷却\n支持在线对刀",
}));

const COMPRESSORS: DemoProduct[] = [
  ["LG7", "LG-7.5 螺杆空压机", "18600.00", "7.5 kW", "1.2 m³/min"],
  ["LG11", "LG-11 螺杆空压机", "23800.00", "11 kW", "1.7 m³/min"],
  ["LG15", "LG-15 螺杆空压机", "29800.00", "15 kW", "2.4 m³/min"],
  ["LG22", "LG-22 螺杆空压机", "39800.00", "22 kW", "3.6 m³/min"],
  ["LG37", "LG-37 永磁变频空压机", "68000.00", "37 kW", "6.2 m³/min"],
  ["LG55", "LG-55 永磁变频空压机", "92000.00", "55 kW", "9.8 m³/min"],
  ["GZ2", "GZ-2 冷冻式干燥机", "8600.00", "0.8 kW", "2.4 m³/min"],
  ["CG1", "CG-1.0 储气罐", "4200.00", "—", "1.0 m³"],
].map(([code, name, price, power, flow]) => ({
  sku: `AIR-${code}`,
  name: name as string,
  unit: "台",
  price: price as string,
  cost: (Number(price) * 0.66).toFixed(2),
  line: code!.startsWith("LG") ? "螺杆压缩" : "后处理",
  specs: [
    ["电机功率", power as string],
    ["排气量", flow as string],
    ["排气压力", "0.8 MPa"],
  ],
  features: "一级能效\n远程监控接口\n低噪音 ≤65 dB(A)",
}));

const INSTRUMENTS: DemoProduct[] = [
  ["VT200", "VT-200 便携式测振仪", "6800.00"],
  ["VA900", "VA-900 现场动平衡仪", "26800.00"],
  ["TM300", "TM-300 红外测温仪", "1280.00"],
  ["LT50", "LT-50 激光转速表", "980.00"],
  ["SD60", "SD-60 超声波测厚仪", "3600.00"],
  ["CMM", "CMM-575 三坐标测量机", "388000.00"],
  ["RA10", "RA-10 表面粗糙度仪", "12800.00"],
  ["DG15", "DG-15 数显高度规", "4600.00"],
].map(([code, name, price]) => ({
  sku: `MEA-${code}`,
  name: name as string,
  unit: "台",
  price: price as string,
  cost: (Number(price) * 0.55).toFixed(2),
  line: "检测仪器",
  specs: [
    ["供电", "锂电池 / 220 V"],
    ["数据接口", "USB / 蓝牙"],
  ],
  features: "出厂校准证书\n中文界面",
}));

const CONSUMABLES: DemoProduct[] = [
  ["CHALK", "平衡配重标记笔", "3.50", "支", 100, 50],
  ["CLAY", "平衡校正配重泥（10 g）", "1.20", "块", 100, 20],
  ["INSERT", "CNMG120408 数控车刀片", "28.00", "片", 10, 20],
  ["DRILL", "Φ8 硬质合金钻头", "46.00", "支", 10, 10],
  ["FILTER", "空压机空气滤芯", "168.00", "支", 4, 6],
  ["OIL", "螺杆空压机专用油（4 L）", "260.00", "桶", 4, 1],
  ["BELT", "平衡机驱动皮带", "85.00", "条", 10, 5],
  ["GLOVE", "防割劳保手套", "12.00", "副", 12, 10],
].map(([code, name, price, unit, perPack, packsPerCase]) => ({
  sku: `SUP-${code}`,
  name: name as string,
  unit: unit as string,
  price: price as string,
  cost: (Number(price) * 0.4).toFixed(2),
  line: "耗材配件",
  specs: [["包装", `${perPack} ${unit}/包，${packsPerCase} 包/箱`]],
  features: "原厂品质\n现货供应",
  packagings: [
    ["包", Number(perPack), unit as string],
    ["箱", Number(packsPerCase), "包"],
  ],
}));

const CATEGORIES: Array<{ name: string; products: DemoProduct[] }> = [
  { name: "平衡机", products: BALANCERS },
  { name: "数控机床", products: CNC },
  { name: "空压机", products: COMPRESSORS },
  { name: "测量仪器", products: INSTRUMENTS },
  { name: "耗材配件", products: CONSUMABLES },
];

type Tier = { minQuantity: number; discountBp?: number; unitPrice?: string };

/** Approved schemes: category discounts for everyone, tiers on single products, a customers' scheme. */
const SCHEMES: Array<{
  name: string;
  category?: string;
  sku?: string;
  memberLevel?: "customer";
  tiers: Tier[];
}> = [
  {
    name: "平衡机批量优惠",
    category: "平衡机",
    tiers: [
      { minQuantity: 3, discountBp: 500 },
      { minQuantity: 5, discountBp: 1000 },
    ],
  },
  {
    name: "空压机阶梯价",
    category: "空压机",
    tiers: [
      { minQuantity: 3, discountBp: 500 },
      { minQuantity: 6, discountBp: 1000 },
      { minQuantity: 10, discountBp: 1500 },
    ],
  },
  {
    name: "数控机床批量优惠",
    category: "数控机床",
    tiers: [
      { minQuantity: 2, discountBp: 300 },
      { minQuantity: 5, discountBp: 800 },
    ],
  },
  { name: "测量仪器套购优惠", category: "测量仪器", tiers: [{ minQuantity: 5, discountBp: 1000 }] },
  {
    name: "耗材整包整箱价",
    category: "耗材配件",
    tiers: [
      { minQuantity: 100, discountBp: 1000 },
      { minQuantity: 1000, discountBp: 2000 },
    ],
  },
  {
    name: "SY3240 平衡机阶梯价",
    sku: "BAL-SY3240",
    tiers: [
      { minQuantity: 2, unitPrice: "124000.00" },
      { minQuantity: 5, unitPrice: "115200.00" },
      { minQuantity: 10, unitPrice: "108800.00" },
    ],
  },
  {
    name: "成交客户空压机专享价",
    category: "空压机",
    memberLevel: "customer",
    tiers: [
      { minQuantity: 1, discountBp: 300 },
      { minQuantity: 3, discountBp: 800 },
      { minQuantity: 6, discountBp: 1200 },
    ],
  },
];

export async function seedDemoCatalog(db: Db): Promise<{ products: number; schemes: number }> {
  const categoryIds = new Map<string, number>();
  let products = 0;
  for (const [position, category] of CATEGORIES.entries()) {
    const row = await db.productCategory.upsert({
      where: { name: category.name },
      create: { name: category.name, position },
      update: { position },
    });
    categoryIds.set(category.name, row.id);
    for (const p of category.products) {
      const data = {
        name: p.name,
        unit: p.unit,
        unitPrice: p.price,
        cost: p.cost,
        categoryId: row.id,
        productLine: p.line,
        productType: category.name,
        keyFeatures: p.features,
        taxRateBp: p.taxRateBp ?? 1300,
        priceIncludesTax: true,
        active: true,
        portalProspect: true,
        portalCustomer: true,
        portalPartner: true,
        searchKey: productSearchKey(p.name, p.sku),
      };
      const product = await db.product.upsert({ where: { sku: p.sku }, create: { sku: p.sku, ...data }, update: data });
      await db.productSpec.deleteMany({ where: { productId: product.id } });
      await db.productSpec.createMany({
        data: p.specs.map(([key, value], i) => ({ productId: product.id, key, value, position: i })),
      });
      await db.productPackaging.deleteMany({ where: { productId: product.id } });
      if (p.packagings) {
        await db.productPackaging.createMany({
          data: p.packagings.map(([unit, contains, ofUnit], i) => ({
            productId: product.id,
            unit,
            contains,
            ofUnit,
            position: i,
          })),
        });
      }
      products++;
    }
  }
  for (const spec of SCHEMES) {
    const product = spec.sku ? await db.product.findUnique({ where: { sku: spec.sku }, select: { id: true } }) : null;
    const data = {
      name: spec.name,
      productId: product?.id ?? null,
      categoryId: spec.category ? (categoryIds.get(spec.category) ?? null) : null,
      memberLevel: spec.memberLevel ?? null,
      shared: true,
      status: "approved" as const,
    };
    const existing = await db.priceScheme.findFirst({ where: { name: spec.name }, select: { id: true } });
    const scheme = existing
      ? await db.priceScheme.update({ where: { id: existing.id }, data })
      : await db.priceScheme.create({ data });
    await db.priceSchemeTier.deleteMany({ where: { schemeId: scheme.id } });
    await db.priceSchemeTier.createMany({
      data: spec.tiers.map((t) => ({
        schemeId: scheme.id,
        minQuantity: t.minQuantity,
        unitPrice: t.unitPrice ?? null,
        discountBp: t.discountBp ?? null,
      })),
    });
  }
  return { products, schemes: SCHEMES.length };
}
