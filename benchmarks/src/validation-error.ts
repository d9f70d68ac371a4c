/** An engine produced a wrong or implausible result; the case is recorded with this message. */
export class ValidationError extends Error {
  override name = 'ValidationError';
}
