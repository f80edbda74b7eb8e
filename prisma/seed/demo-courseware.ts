import { deflateSync } from "node:zlib";
import type { CoursewareStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { sanitizeRichText } from "#app/lib/rich-text.server.ts";
import { saveAttachments } from "#app/modules/files/attachments.server.ts";
import { LESSON_ATTACHMENT_OWNER } from "#app/modules/courseware/course-reader.server.ts";

// Demo courseware (课件) in the three demo classrooms of the training forum. Runs after the forum seed;
// a classroom it does not find by name is created (visible to everyone) so this seed also stands alone.
// Idempotent: chapters are keyed by classroom and title, lessons by chapter and title; files are
// attached once. The PDF handout and the PNG diagram are generated here, so no binary is committed.

interface LessonSpec {
  title: string;
  summary: string;
  body: string;
  status?: CoursewareStatus;
  files?: Array<"pdf" | "png">;
}
interface ChapterSpec {
  title: string;
  summary: string;
  lessons: LessonSpec[];
}

export const DEMO_COURSEWARE: Record<string, ChapterSpec[]> = {
  产品入门: [
    {
      title: "认识接力 CRM",
      summary: "门户、后台与线索接力：十分钟看懂整体结构。",
      lessons: [
        {
          title: "门户与后台：两个入口，一套数据",
          summary: "访客与会员使用门户，员工使用后台；网站提交的需求自动成为 CRM 线索。",
          body: "<h2>两个入口</h2><p>门户（<code>/</code>）面向访客和会员：知识库、培训教室、在线需求、产品订购和用户专区。后台（<code>/crm</code>）面向员工：市场分发线索、销售跟进转化、客服处理服务请求。</p><h2>一套数据</h2><ul><li>会员可以关联到 CRM 联系人和单位；</li><li>门户提交的需求按令牌规则送达销售；</li><li>服务请求、解决方案与专区公告在两边同步。</li></ul><p>配套讲义 PDF 可在下方打开。</p>",
          files: ["pdf", "png"],
        },
        {
          title: "线索如何像接力棒一样传递",
          summary: "令牌组按顺序把网站线索交给下一位销售，跳过外出的同事。",
          body: "<p>每个登记分类可以绑定一个<strong>令牌组</strong>。新线索到达时，令牌交给组内的下一位在岗销售；外出或停用的成员会被跳过。没有令牌组时，线索交给战役负责人，再其次是分类的指定负责人。</p><blockquote>同一时刻的并发提交也不会让两个人拿到同一张令牌。</blockquote>",
        },
      ],
    },
    {
      title: "日常使用",
      summary: "线索收件箱、我处理、转化为机会。",
      lessons: [
        {
          title: "线索收件箱与“我处理”",
          summary: "认领线索后其他人只读，避免重复联系客户。",
          body: "<ol><li>打开 <strong>线索 → 我的新线索</strong>。</li><li>点开一条线索，点击“我处理”。</li><li>记录跟进、设置需求状态，合适时转化为机会。</li></ol>",
        },
        {
          title: "把线索转化为机会（草稿）",
          summary: "转化时带出订购明细，保留双向关联。",
          body: "<p>本课正在编写中：转化向导、匹配已有联系人与单位、订购明细成为机会子项。</p>",
          status: "draft",
        },
      ],
    },
  ],
  实施与运维: [
    {
      title: "部署",
      summary: "一条命令启动，数据库迁移与演示数据。",
      lessons: [
        {
          title: "用一条命令完成安装",
          summary: "在全新的 Debian 12 上安装数据库、依赖并启动服务。",
          body: "<p>以 root 身份执行：</p><pre><code>bash scripts/start.sh</code></pre><p>脚本会安装 MariaDB、npm 依赖与 Prisma 客户端，迁移数据库、写入演示数据、构建并启动门户与后台。再次执行会复用已有的一切。</p>",
          files: ["pdf"],
        },
        {
          title: "备份与恢复",
          summary: "每日备份数据库与上传目录，定期演练恢复。",
          body: "<ul><li>数据库：<code>mariadb-dump --single-transaction</code> 每日全量；</li><li>上传文件：同步 <code>UPLOAD_DIR</code> 目录；</li><li>每季度在测试环境演练一次恢复。</li></ul>",
        },
      ],
    },
  ],
  常见问题: [
    {
      title: "账户与登录",
      summary: "注册、激活与找回密码。",
      lessons: [
        {
          title: "收不到激活邮件怎么办？",
          summary: "检查垃圾邮件箱，或在登录页重新发送激活邮件。",
          body: "<p>激活邮件通常在一分钟内送达。若没有收到：</p><ol><li>检查垃圾邮件或广告邮件文件夹；</li><li>在登录页点击“重新发送激活邮件”；</li><li>仍未收到，请通过站内短消息联系我们。</li></ol>",
        },
        {
          title: "为什么有些课件需要登录才能看？",
          summary: "课程标题和摘要对所有人开放，完整课件仅对登录会员展开。",
          body: "<p>按照教室的设置，课件正文、讲义与视频仅对登录会员开放，部分教室只对成交客户或渠道伙伴开放。注册免费，登录后即可展开学习，并记录“学过”的进度。</p>",
        },
      ],
    },
  ],
};

/** A one-page PDF (Helvetica, ASCII text) with a correct cross-reference table. */
export function demoPdf(title: string, lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [`BT /F1 20 Tf 72 760 Td (${escape(title)}) Tj ET`]
    .concat(lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${escape(line)}) Tj ET`))
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A small PNG diagram: three coloured bars (portal → token group → salesperson). */
export function demoPng(): Buffer {
  const width = 240;
  const height = 80;
  const colours = [
    [37, 99, 235],
    [16, 185, 129],
    [245, 158, 11],
  ];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const band = Math.min(2, Math.floor(x / 80));
      const inBar = y > 20 && y < 60 && x % 80 > 8 && x % 80 < 72;
      const [r, g, b] = inBar ? colours[band]! : [248, 250, 252];
      raw.set([r!, g!, b!], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function demoFile(kind: "pdf" | "png", lesson: string): File {
  if (kind === "png") return new File([new Uint8Array(demoPng())], "接力流程示意图.png", { type: "image/png" });
  const pdf = demoPdf("Relay CRM Training Handout", [
    "1. Portal (/) for visitors and members; back office (/crm) for staff.",
    "2. Web leads reach salespeople by round-robin token rules.",
    "3. Members sign in to expand the full courseware.",
  ]);
  return new File([new Uint8Array(pdf)], `${lesson.slice(0, 20)}-讲义.pdf`, { type: "application/pdf" });
}

async function classroomNamed(db: Db, name: string, sortOrder: number): Promise<number> {
  const found = await db.classroom.findFirst({ where: { name }, orderBy: { id: "asc" }, select: { id: true } });
  if (found) return found.id;
  return (await db.classroom.create({ data: { name, sortOrder, visibility: "everyone" }, select: { id: true } })).id;
}

export async function seedDemoCourseware(db: Db): Promise<void> {
  let order = 0;
  for (const [name, chapters] of Object.entries(DEMO_COURSEWARE)) {
    const classroomId = await classroomNamed(db, name, order++);
    for (const [c, spec] of chapters.entries()) {
      const found = await db.courseChapter.findFirst({
        where: { classroomId, title: spec.title },
        select: { id: true },
      });
      const chapter = found
        ? await db.courseChapter.update({ where: { id: found.id }, data: { summary: spec.summary, position: c } })
        : await db.courseChapter.create({
            data: { classroomId, title: spec.title, summary: spec.summary, position: c, status: "published" },
          });
      for (const [l, lesson] of spec.lessons.entries()) {
        const status = lesson.status ?? "published";
        const data = {
          summary: lesson.summary,
          bodyHtml: sanitizeRichText(lesson.body),
          position: l,
          status,
          publishedAt: status === "published" ? new Date("2026-11-20T02:00:00Z") : null,
        };
        const existing = await db.courseLesson.findFirst({
          where: { chapterId: chapter.id, title: lesson.title },
          select: { id: true },
        });
        const row = existing
          ? await db.courseLesson.update({ where: { id: existing.id }, data })
          : await db.courseLesson.create({ data: { ...data, chapterId: chapter.id, title: lesson.title } });
        const hasFiles = await db.attachment.count({ where: { ownerType: LESSON_ATTACHMENT_OWNER, ownerId: row.id } });
        if (hasFiles === 0 && lesson.files?.length) {
          await saveAttachments(
            db,
            lesson.files.map((kind) => demoFile(kind, lesson.title)),
            { type: LESSON_ATTACHMENT_OWNER, id: row.id },
            {},
          );
        }
      }
    }
  }
}
