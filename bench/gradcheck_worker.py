"""torch.autograd.gradcheck on the benchmark's nets, driven line by line by GradcheckBenchmark.java.

Commands: "version"; "net n0 n1 n2 m" (sigmoid hidden layer, softmax cross-entropy, double);
"full" / "fast" (one gradcheck call, answers its wall and CPU time in seconds); "quit".
"""
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
torch.manual_seed(42)

state = {}


def set_up(n0, n1, n2, m):
    def gaussian(rows, cols, sd):
        return (torch.randn(rows, cols, dtype=torch.float64) * sd).requires_grad_()
    params = (gaussian(n0, n1, n0 ** -0.5), gaussian(1, n1, 0.1), gaussian(n1, n2, n1 ** -0.5), gaussian(1, n2, 0.1))
    x = torch.randn(m, n0, dtype=torch.float64)
    y = torch.nn.functional.one_hot(torch.randint(0, n2, (m,)), n2).to(torch.float64)

    def loss(w1, b1, w2, b2):
        z2 = torch.sigmoid(x @ w1 + b1) @ w2 + b2
        return -(y * torch.log_softmax(z2, dim=1)).sum() / m

    state["loss"] = loss
    state["params"] = params


def run(fast):
    """Wall and CPU seconds of one call; CPU is the process's (torch runs one thread here)."""
    t0, c0 = time.perf_counter(), time.process_time()
    ok = torch.autograd.gradcheck(state["loss"], state["params"], fast_mode=fast)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    if not ok:
        raise RuntimeError("gradcheck failed on a correct network")
    return wall, cpu


for line in sys.stdin:
    words = line.split()
    try:
        if words[0] == "version":
            print(torch.__version__)
        elif words[0] == "net":
            set_up(*map(int, words[1:]))
            print("ok")
        elif words[0] in ("full", "fast"):
            print("%r %r" % run(words[0] == "fast"))
        elif words[0] == "quit":
            break
        else:
            print("error unknown command " + words[0])
    except Exception as e:  # the Java side reports it and stops
        print("error " + repr(e).replace("\n", " "))
    sys.stdout.flush()
