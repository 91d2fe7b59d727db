/**
 * A test's answers remembered per interned value. Most values repeat (an image path, a port, a
 * provider name), so a bare word searched in every field tests each distinct value once instead
 * of once per row; rows then cost one array read per field.
 */
import type { FieldValue } from '@evtxhunt/hunt';

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** Answers of one test, by column (any small integer naming one) and value code. */
export class ValueMemo {
  readonly #answers: Uint8Array[] = [];

  constructor(private readonly test: (value: string) => boolean) {}

  /** The answer remembered for `code` of `column`, or undefined when it was never asked. */
  known(column: number, code: number): boolean | undefined {
    const answer = this.#answers[column]?.[code] ?? UNKNOWN;
    return answer === UNKNOWN ? undefined : answer === YES;
  }

  /** Tests `value`, the value behind `code`, and remembers the answer. Lists: any value. */
  remember(column: number, code: number, value: FieldValue | undefined): boolean {
    const passed =
      value !== undefined && (typeof value === 'string' ? this.test(value) : value.some(this.test));
    this.answersOf(column, code)[code] = passed ? YES : NO;
    return passed;
  }

  private answersOf(column: number, code: number): Uint8Array {
    const answers = this.#answers[column];
    if (answers !== undefined && code < answers.length) return answers;

    const grown = new Uint8Array(Math.max(64, code + 1, (answers?.length ?? 0) * 2));
    if (answers !== undefined) grown.set(answers);
    this.#answers[column] = grown;
    return grown;
  }
}
