/**
 * Header names shared by the widget and the relay, in a module of their own so
 * the widget can import them without the schemas.
 */

/** Carries the host site's token (the element's `user-token` attribute). */
export const USER_TOKEN_HEADER = 'x-user-token'
