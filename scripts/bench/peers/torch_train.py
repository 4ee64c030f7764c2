"""PyTorch peer of `deno task bench train`: the reference CNN trained with Adam, batch 64.

Prints one JSON line: {"framework", "version", "threads", "steps", "batch", "samples_per_second"}.
Usage: python3 torch_train.py [--steps N] [--warmup N] [--threads N]
"""
import argparse
import json
import time

import torch
from torch import nn


def reference_cnn() -> nn.Module:
    """conv 3x3x32 relu, maxpool 2, conv 3x3x64 relu, maxpool 2, dense 128 relu, dense 10."""
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    torch.manual_seed(1)
    torch.set_num_threads(args.threads)
    model = reference_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()  # log-softmax + NLL: the softmax output layer of the tfjs model
    x = torch.rand(args.batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.batch,))

    def step() -> None:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "framework": "pytorch",
        "version": torch.__version__,
        "threads": torch.get_num_threads(),
        "steps": args.steps,
        "batch": args.batch,
        "samples_per_second": args.steps * args.batch / seconds,
    }))


if __name__ == "__main__":
    main()
