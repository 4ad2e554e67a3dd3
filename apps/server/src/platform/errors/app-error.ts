import { ERROR_CODES, type ErrorCode } from '@lingong/contracts';

/** One bad field; `row` is the 1-based spreadsheet row when the error comes from an import file. */
export type FieldError = {
  field: string;
  message: string;
  row?: number;
  /** Content findings (CONTENT_BLOCKED): rule or word, action, and the span in the submitted text. */
  code?: string;
  action?: 'block' | 'review' | 'mask';
  excerpt?: string;
  start?: number;
  end?: number;
  basis?: string;
};

/** The one error type services throw. Status and Chinese message come from ERROR_CODES. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: FieldError[] | undefined;

  constructor(code: ErrorCode, options: { message?: string; details?: FieldError[]; cause?: unknown } = {}) {
    super(options.message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options.details;
  }

  /** A validation failure on one field, with its Chinese message. */
  static field(field: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', { details: [{ field, message }] });
  }
}
