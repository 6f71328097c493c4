// Work the desktop window waits for before it closes: the editor's last save, figures typed but
// not confirmed. Each part of the page that holds unsaved input registers here while it is
// shown; app-main hands finishBeforeClose to the platform (Platform.onWindowClosing).
const tasks = new Set<() => Promise<unknown>>()

/** Registers a task to finish before the window closes; returns the function that removes it. */
export function beforeWindowCloses(task: () => Promise<unknown>): () => void {
  tasks.add(task)
  return () => {
    tasks.delete(task)
  }
}

/** Runs every registered task and settles when all have, whether they succeeded or not. */
export async function finishBeforeClose(): Promise<void> {
  await Promise.allSettled([...tasks].map((task) => Promise.resolve().then(task)))
}
