"""PyTorch peer of `deno task bench quantum`: the paper circuit as a batched statevector.

The way TorchQuantum simulates: a [batch, 2**n] complex state, gates as tensor ops on it, the
Pauli-Z readout from |amplitude|**2, and autograd for the backward pass. Circuit: amplitude
embedding of 2**n normalised features, BasicEntanglerLayers (RX on every wire, then a CNOT ring;
wire 0 is the most significant bit, as in PennyLane), <Z> on every wire.

Prints one JSON line: {"threads", "version", "batch", "results": [{"wires", "threads",
"best_ms", "median_ms"}], "check": {"wires", "outputs"}}, each wire count at the faster of the
thread settings; `outputs` are the first two samples' outputs for
the deterministic check input (see check_inputs) so the caller can confirm the same circuit.
Usage: python3 torch_quantum.py --wires 4 6 8 --batch 64 --layers 2 --repeats 10 --threads 1 2
"""
import argparse
import json
import math
import statistics
import time

import torch


def check_inputs(batch: int, wires: int, layers: int):
    """x[b, k] = sin(1 + b * 2**n + k), w[l, q] = 0.1 + 0.3 l + 0.7 q: same formula on both sides."""
    size = 2 ** wires
    x = torch.sin(1 + torch.arange(batch * size, dtype=torch.float64)).reshape(batch, size)
    w = torch.tensor([[0.1 + 0.3 * l + 0.7 * q for q in range(wires)] for l in range(layers)],
                     dtype=torch.float64)
    return x.float(), w.float()


def cnot_permutation(wires: int, control: int, target: int) -> torch.Tensor:
    """Basis index each output amplitude reads: CNOT flips `target` where `control` is 1."""
    index = torch.arange(2 ** wires)
    c_bit = 1 << (wires - 1 - control)
    t_bit = 1 << (wires - 1 - target)
    return torch.where(index & c_bit != 0, index ^ t_bit, index)


def rx(state: torch.Tensor, wires: int, wire: int, c: torch.Tensor, s: torch.Tensor) -> torch.Tensor:
    """RX on one wire, [[c, s], [s, c]] with c = cos(theta/2), s = -i sin(theta/2), applied
    along that wire's axis of the state viewed as [batch, 2**wire, 2, rest]."""
    batch = state.shape[0]
    view = state.reshape(batch, 2 ** wire, 2, 2 ** (wires - 1 - wire))
    a0, a1 = view[:, :, 0, :], view[:, :, 1, :]
    return torch.stack((c * a0 + s * a1, s * a0 + c * a1), dim=2).reshape(batch, -1)


def z_signs(wires: int) -> torch.Tensor:
    """[2**wires, wires]: +1 where the wire's bit is 0, -1 where it is 1 (wire 0 most significant)."""
    index = torch.arange(2 ** wires).unsqueeze(1)
    bits = (index >> (wires - 1 - torch.arange(wires))) & 1
    return (1 - 2 * bits).float()


def circuit(x: torch.Tensor, w: torch.Tensor, rings, signs: torch.Tensor) -> torch.Tensor:
    """Outputs [batch, wires]: <Z> on each wire after embedding and the entangler layers."""
    wires = w.shape[1]
    state = (x / x.norm(dim=1, keepdim=True)).to(torch.complex64)
    cos = torch.cos(w / 2).to(torch.complex64)
    sin = torch.sin(w / 2).to(torch.complex64) * -1j
    for layer in range(w.shape[0]):
        for q in range(wires):
            state = rx(state, wires, q, cos[layer, q], sin[layer, q])
        for perm in rings:
            state = state[:, perm]
    probs = state.real ** 2 + state.imag ** 2
    return probs @ signs


def ring(wires: int):
    """PennyLane's CNOT ring: none on 1 wire, one CNOT on 2, else (q, q+1 mod n) for every q."""
    if wires == 1:
        return []
    pairs = [(0, 1)] if wires == 2 else [(q, (q + 1) % wires) for q in range(wires)]
    return [cnot_permutation(wires, c, t) for c, t in pairs]


def time_wires(wires: int, batch: int, layers: int, repeats: int, threads: list) -> dict:
    """Best and median ms per forward+backward, at the faster of the thread settings."""
    gen = torch.Generator().manual_seed(wires)
    x = torch.randn(batch, 2 ** wires, generator=gen).requires_grad_(True)
    w = (torch.rand(layers, wires, generator=gen) * 2 * math.pi).requires_grad_(True)
    rings = ring(wires)
    signs = z_signs(wires)

    def step() -> None:
        x.grad = None
        w.grad = None
        circuit(x, w, rings, signs).sum().backward()

    best = None
    for count in threads:
        torch.set_num_threads(count)
        step()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            step()
            times.append((time.perf_counter() - start) * 1000)
        row = {"wires": wires, "threads": count, "best_ms": min(times),
               "median_ms": statistics.median(times)}
        if best is None or row["best_ms"] < best["best_ms"]:
            best = row
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wires", type=int, nargs="+", default=[4])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    results = [time_wires(n, args.batch, args.layers, args.repeats, args.threads)
               for n in args.wires]
    x, w = check_inputs(2, 4, args.layers)
    with torch.no_grad():
        outputs = circuit(x, w, ring(4), z_signs(4)).tolist()
    print(json.dumps({
        "threads": args.threads,
        "version": torch.__version__,
        "batch": args.batch,
        "results": results,
        "check": {"wires": 4, "outputs": outputs},
    }))


if __name__ == "__main__":
    main()
