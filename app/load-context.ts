// What the HTTP server hands every loader and action besides the request.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy. */
    cspNonce: string;
    /** The caller's address, for rate limits (the socket's, or X-Forwarded-For behind a trusted proxy). */
    clientAddress: string;
  }
}

export {};
