// A small Server-Sent Events reader over a real HTTP connection, for the preview tests.
export interface EventStream {
  /** Resolves with the first "version" event whose number is above `after`. */
  versionAbove(after: number): Promise<number>;
  close(): void;
}

export async function openEvents(url: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: "text/event-stream" } });
  if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const versions: number[] = [];
  const waiters: { after: number; resolve: (v: number) => void }[] = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === "version" && data) {
            versions.push(Number(data));
            for (const w of [...waiters]) {
              if (Number(data) > w.after) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(Number(data));
              }
            }
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    versionAbove: (after) => {
      const seen = versions.find((v) => v > after);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ after, resolve });
        setTimeout(() => {
          reject(new Error(`no version above ${after} was announced`));
        }, 20_000).unref();
      });
    },
    close: () => {
      controller.abort();
    },
  };
}
