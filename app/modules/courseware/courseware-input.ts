import { z } from "zod";
import { IdParam, msg, optionalText, trimmedText } from "#app/lib/schemas.ts";

// The courseware editor's form schemas (parsed with parseForm in the back-office routes).

export const ChapterSchema = z.object({
  title: trimmedText(120),
  summary: optionalText(500),
});

export const LessonSchema = z.object({
  chapterId: IdParam,
  title: trimmedText(160),
  summary: optionalText(500),
  bodyHtml: z.string().max(200_000, msg("validation.tooLong")).optional().default(""),
  /** The discussion thread of this lesson (a thread id of the same classroom), or empty. */
  threadId: IdParam.optional().transform((v) => v ?? null),
});

export type ChapterInput = z.output<typeof ChapterSchema>;
export type LessonInput = z.output<typeof LessonSchema>;

export const MOVE_DIRECTIONS = ["up", "down"] as const;
export type MoveDirection = (typeof MOVE_DIRECTIONS)[number];

const status = z.enum(["draft", "published"], msg("validation.choose"));
const direction = z.enum(MOVE_DIRECTIONS, msg("validation.choose"));

/** The outline page's small forms, one schema per intent. */
export const OutlineIntents = {
  createChapter: ChapterSchema,
  updateChapter: ChapterSchema.extend({ chapterId: IdParam }),
  deleteChapter: z.object({ chapterId: IdParam }),
  moveChapter: z.object({ chapterId: IdParam, direction }),
  chapterStatus: z.object({ chapterId: IdParam, status }),
  createLesson: z.object({ chapterId: IdParam, title: trimmedText(160) }),
  moveLesson: z.object({ lessonId: IdParam, direction }),
  lessonStatus: z.object({ lessonId: IdParam, status }),
};

/** The lesson editor's small forms (saving the lesson uses LessonSchema). */
export const LessonIntents = {
  lessonStatus: z.object({ status }),
  removeAttachment: z.object({ attachmentId: IdParam }),
};
