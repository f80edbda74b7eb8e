import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// 满意度: the customers' 1–5 ratings of closed service requests, summed up per zone and per CSR (the
// request's assignee), with the distribution and a monthly trend. Aggregation happens in SQL
// (GROUP BY), so the cost does not grow with the number of requests shown.

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export interface RatingStats {
  count: number;
  /** Mean rating rounded to two decimals; null without ratings. */
  average: number | null;
  /** distribution[i] = number of ratings equal to i + 1. */
  distribution: [number, number, number, number, number];
}

export interface SatisfactionOverview {
  since: Date | null;
  overall: RatingStats;
  byZone: Array<RatingStats & { zoneId: number | null; zoneName: string | null }>;
  byCsr: Array<RatingStats & { staffId: number | null; staffName: string | null }>;
  /** One point per calendar month (UTC) with ratings, oldest first. */
  trend: Array<{ month: string; count: number; average: number }>;
  /** The latest ratings that came with a comment, lowest first within the newest ten. */
  recentComments: Array<{
    requestId: number;
    number: string;
    subject: string;
    rating: number;
    comment: string;
    ratedAt: Date | null;
    zoneName: string | null;
  }>;
}

function emptyStats(): RatingStats {
  return { count: 0, average: null, distribution: [0, 0, 0, 0, 0] };
}

function addTo(stats: RatingStats, rating: number, count: number): void {
  if (rating < 1 || rating > 5) return;
  const index = rating - 1;
  stats.distribution[index] = (stats.distribution[index] ?? 0) + count;
  stats.count += count;
}

function finish<T extends RatingStats>(stats: T): T {
  const sum = stats.distribution.reduce((acc, n, i) => acc + n * (i + 1), 0);
  stats.average = stats.count > 0 ? Math.round((sum / stats.count) * 100) / 100 : null;
  return stats;
}

/** Aggregates ratings given since `since` (all time when null). */
export async function satisfactionOverview(
  db: DbOrTx,
  options: {
    since?: Date | null;
    zoneId?: number | null;
    /** Only these zones (a staff member's service scope); undefined means every request. */
    zoneIds?: readonly number[];
  } = {},
): Promise<SatisfactionOverview> {
  const since = options.since ?? null;
  const zoneIds = options.zoneId ? [options.zoneId] : options.zoneIds ? [...options.zoneIds] : null;
  const where: Prisma.ServiceRequestWhereInput = {
    rating: { not: null },
    ...(since ? { ratedAt: { gte: since } } : {}),
    ...(zoneIds ? { zoneId: { in: zoneIds } } : {}),
  };

  const [perZone, perCsr, comments] = await Promise.all([
    db.serviceRequest.groupBy({ by: ["zoneId", "rating"], where, _count: { _all: true } }),
    db.serviceRequest.groupBy({ by: ["assigneeId", "rating"], where, _count: { _all: true } }),
    db.serviceRequest.findMany({
      where: { ...where, ratingComment: { not: null } },
      orderBy: [{ ratedAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        id: true,
        number: true,
        subject: true,
        rating: true,
        ratingComment: true,
        ratedAt: true,
        zone: selectName,
      },
    }),
  ]);

  const overall = emptyStats();
  const zones = new Map<number | null, RatingStats>();
  for (const row of perZone) {
    if (row.rating === null) continue;
    addTo(overall, row.rating, row._count._all);
    const stats = zones.get(row.zoneId) ?? emptyStats();
    addTo(stats, row.rating, row._count._all);
    zones.set(row.zoneId, stats);
  }
  const csrs = new Map<number | null, RatingStats>();
  for (const row of perCsr) {
    if (row.rating === null) continue;
    const stats = csrs.get(row.assigneeId) ?? emptyStats();
    addTo(stats, row.rating, row._count._all);
    csrs.set(row.assigneeId, stats);
  }

  const ratedZoneIds = [...zones.keys()].filter((id): id is number => id !== null);
  const staffIds = [...csrs.keys()].filter((id): id is number => id !== null);
  const [zoneRows, staffRows] = await Promise.all([
    ratedZoneIds.length
      ? db.zone.findMany({ where: { id: { in: ratedZoneIds } }, select: { id: true, name: true } })
      : [],
    staffIds.length ? db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [],
  ]);
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const staffName = new Map(staffRows.map((s) => [s.id, s.name]));

  const byCount = (a: RatingStats, b: RatingStats) => b.count - a.count || (b.average ?? 0) - (a.average ?? 0);
  const byZone = [...zones.entries()]
    .map(([zoneId, stats]) =>
      finish({ ...stats, zoneId, zoneName: zoneId === null ? null : (zoneName.get(zoneId) ?? null) }),
    )
    .sort(byCount);
  const byCsr = [...csrs.entries()]
    .map(([staffId, stats]) =>
      finish({ ...stats, staffId, staffName: staffId === null ? null : (staffName.get(staffId) ?? null) }),
    )
    .sort(byCount);

  const trend = await monthlyTrend(db, since, zoneIds);

  return {
    since,
    overall: finish(overall),
    byZone,
    byCsr,
    trend,
    recentComments: comments.map((c) => ({
      requestId: c.id,
      number: c.number,
      subject: c.subject,
      rating: c.rating ?? 0,
      comment: c.ratingComment ?? "",
      ratedAt: c.ratedAt,
      zoneName: c.zone?.name ?? null,
    })),
  };
}

async function monthlyTrend(
  db: DbOrTx,
  since: Date | null,
  zoneIds: number[] | null,
): Promise<SatisfactionOverview["trend"]> {
  if (zoneIds && zoneIds.length === 0) return [];
  const zoneFilter = zoneIds ? Prisma.sql`AND zoneId IN (${Prisma.join(zoneIds)})` : Prisma.empty;
  // Month buckets in UTC (the column stores UTC). COUNT/SUM come back as BigInt/Decimal.
  const rows = await db.$queryRaw<Array<{ month: string; n: bigint | number; total: bigint | number | string }>>`
    SELECT DATE_FORMAT(ratedAt, '%Y-%m') AS month, COUNT(*) AS n, SUM(rating) AS total
    FROM ServiceRequest
    WHERE rating IS NOT NULL AND ratedAt IS NOT NULL
      AND (${since} IS NULL OR ratedAt >= ${since})
      ${zoneFilter}
    GROUP BY month
    ORDER BY month`;
  return rows.map((r) => {
    const count = Number(r.n);
    const total = Number(r.total);
    return { month: r.month, count, average: count ? Math.round((total / count) * 100) / 100 : 0 };
  });
}
