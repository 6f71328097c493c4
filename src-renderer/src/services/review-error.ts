// The review's refusals: a Chinese sentence the UI shows as is. Its own module so that the
// review services can share it without importing each other.
export class ReviewError extends Error {
  override name = 'ReviewError'
}
