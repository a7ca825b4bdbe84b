/** A scripture passage quoted by a pointer: the words and where they come from. */
export interface Scripture {
  /** '' when only the reference was given ("… (Psalm 46:1)"): renderers show the reference alone. */
  quote: string
  reference: string
}

/** One prayer request of a briefing. `id` stays the same when the editor fixes a typo in `text`. */
export interface Pointer {
  id: string
  /** Short opening label such as "Pray" or "Give thanks", without its colon. */
  label: string | null
  text: string
  scripture: Scripture | null
}

export interface ClosingPrayer {
  title: string
  text: string
}

/** A parsed briefing. This is also the shape of the command-line tool's JSON output. */
export interface Briefing {
  id: string
  title: string
  /** YYYY-MM-DD, or null when neither the file name nor a `Date:` line gives one. */
  date: string | null
  paragraphs: string[]
  pointers: Pointer[]
  prayer: ClosingPrayer | null
}

/** Why a text is not a briefing, in words a user understands. `line` is 1-based. */
export interface BriefingProblem {
  message: string
  line: number | null
  /**
   * 'no-prayer-points': the text has no heading or numbered list the parser knows as prayer points,
   * so the paste screen offers the text's lines to tick by hand instead of refusing it.
   */
  code?: 'no-prayer-points'
}

export type ParseResult =
  | { ok: true, briefing: Briefing }
  | { ok: false, problem: BriefingProblem }
