// Runs the PyTorch peer of `bench train` (peers/torch_train.py) in a subprocess.

const PYTHONS = ["/usr/bin/python3", "python3"];

/**
 * Trains the reference CNN in PyTorch for `steps` steps after its warm-up.
 *
 * @param steps Timed steps.
 * @param threads `torch.set_num_threads`.
 * @param batch Batch size.
 * @returns Samples per second, or `null` when no python3 with torch runs.
 */
export async function measureTorch(
  steps: number,
  threads: number,
  batch: number,
): Promise<number | null> {
  const script = new URL("./peers/torch_train.py", import.meta.url).pathname;
  const args = [script, "--steps", String(steps), "--threads", String(threads)];
  for (const python of PYTHONS) {
    try {
      const { code, stdout } = await new Deno.Command(python, {
        args: [...args, "--batch", String(batch)],
        stdout: "piped",
        stderr: "null",
      }).output();
      if (code !== 0) continue;
      return JSON.parse(new TextDecoder().decode(stdout).trim()).samples_per_second;
    } catch {
      continue;
    }
  }
  return null;
}
