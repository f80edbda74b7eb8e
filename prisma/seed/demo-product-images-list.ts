// The demo products that get a drawn picture (decision 049): shared by the picture generator
// (scripts/generate-product-images.ts) and the seed (demo-product-images.ts).

export type PictureShape = "balancer" | "cnc" | "compressor" | "instrument";

export interface DemoPicture {
  sku: string;
  name: string;
  shape: PictureShape;
  color: string;
  altEn: string;
}

export const DEMO_PRODUCT_PICTURES: readonly DemoPicture[] = [
  {
    sku: "BAL-SY3240",
    name: "SY3240 卧式动平衡机",
    shape: "balancer",
    color: "#2563eb",
    altEn: "SY3240 horizontal balancing machine",
  },
  {
    sku: "BAL-SY1600",
    name: "SY1600 卧式动平衡机",
    shape: "balancer",
    color: "#0ea5e9",
    altEn: "SY1600 horizontal balancing machine",
  },
  {
    sku: "BAL-SYL300",
    name: "SYL300 立式单面动平衡机",
    shape: "balancer",
    color: "#6366f1",
    altEn: "SYL300 vertical single-plane balancing machine",
  },
  { sku: "CNC-CK6150", name: "CK6150 数控车床", shape: "cnc", color: "#0f766e", altEn: "CK6150 CNC lathe" },
  {
    sku: "CNC-VMC850",
    name: "VMC850 立式加工中心",
    shape: "cnc",
    color: "#15803d",
    altEn: "VMC850 vertical machining centre",
  },
  {
    sku: "CNC-TC500",
    name: "TC500 钻攻中心",
    shape: "cnc",
    color: "#4d7c0f",
    altEn: "TC500 drilling and tapping centre",
  },
  {
    sku: "AIR-LG15",
    name: "LG-15 螺杆空压机",
    shape: "compressor",
    color: "#ea580c",
    altEn: "LG-15 screw air compressor",
  },
  {
    sku: "AIR-LG37",
    name: "LG-37 永磁变频空压机",
    shape: "compressor",
    color: "#dc2626",
    altEn: "LG-37 permanent-magnet variable-speed compressor",
  },
  {
    sku: "MEA-VT200",
    name: "VT-200 便携式测振仪",
    shape: "instrument",
    color: "#7c3aed",
    altEn: "VT-200 portable vibration meter",
  },
  {
    sku: "MEA-VA900",
    name: "VA-900 现场动平衡仪",
    shape: "instrument",
    color: "#9333ea",
    altEn: "VA-900 field balancing instrument",
  },
];
