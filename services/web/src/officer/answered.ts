/**
 * A typed call's answer with its ETag. The clients' fetch (api/service-clients.ts) has already turned every
 * answer but a 2xx into the web's errors, so what arrives here is the service's answer.
 */
export async function answered<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ body: T; etag?: string; response: Response }> {
  const { data, response } = await call;
  return { body: data as T, etag: response.headers.get('etag') ?? undefined, response };
}
