#!/usr/bin/env python3
"""PyTorch's answer for the harness's network cases: loss and gradients in float64.

Usage: pytorch_oracle.py CASES.json OUT.json

CASES.json comes from backprop.harness.reference.OracleCases (spec, X, Y, params per case).
OUT.json is the same file with "pytorch": {"loss", "gradients"} added to every case and the
PyTorch version recorded. The definitions are the kata's (api/Loss.java, api/Activation.java):
  J = data loss summed over the batch / m + (lambda / 2m) * sum of squared weights (no biases)
  MSE: 1/2 (A - Y)^2;  BCE: binary cross-entropy of sigmoid(Z);  softmax cross-entropy of Z
  leaky ReLU slope for z < 0: exactly 0.01
Each is PyTorch's own function (F.mse_loss, F.binary_cross_entropy_with_logits,
F.cross_entropy with probability targets, F.leaky_relu), so nothing is shared with the
SameDiff reference but the definitions. See docs/ORACLE.md.
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")  # numpy is not needed here
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

LEAKY_SLOPE = 0.01


def activate(name, z):
    if name == "IDENTITY":
        return z
    if name == "SIGMOID":
        return torch.sigmoid(z)
    if name == "TANH":
        return torch.tanh(z)
    if name == "RELU":
        return torch.relu(z)
    if name == "LEAKY_RELU":
        return F.leaky_relu(z, LEAKY_SLOPE)
    if name == "SOFTMAX":
        return torch.softmax(z, dim=1)
    raise ValueError("unknown activation " + name + ": add it here and in OracleCases")


def answer(case):
    x = torch.tensor(case["X"], dtype=torch.float64)
    y = torch.tensor(case["Y"], dtype=torch.float64)
    m = x.shape[0]
    params = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in case["params"].items()}
    layers = len(case["sizes"]) - 1
    a, z = x, None
    squared = torch.zeros((), dtype=torch.float64)
    for l in range(1, layers + 1):
        w = params["W%d" % l]
        z = a @ w
        if case["bias"][l - 1]:
            z = z + params["b%d" % l]
        a = activate(case["activations"][l - 1], z)
        squared = squared + (w * w).sum()
    loss_name = case["loss"]
    if loss_name == "MSE":
        data = 0.5 * F.mse_loss(a, y, reduction="sum")
    elif loss_name == "BCE":
        data = F.binary_cross_entropy_with_logits(z, y, reduction="sum")
    elif loss_name == "SOFTMAX_CE":
        data = F.cross_entropy(z, y, reduction="sum")
    else:
        raise ValueError("unknown loss " + loss_name + ": add it here and in OracleCases")
    loss = data / m + case["lambda"] / (2 * m) * squared
    names = list(case["params"].keys())
    grads = torch.autograd.grad(loss, [params[k] for k in names])
    return {"loss": loss.item(), "gradients": {k: g.tolist() for k, g in zip(names, grads)}}


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: pytorch_oracle.py CASES.json OUT.json (see docs/ORACLE.md)")
    torch.set_num_threads(1)
    with open(argv[1]) as f:
        doc = json.load(f)
    for case in doc["cases"]:
        case["pytorch"] = answer(case)
    doc["pytorch_version"] = torch.__version__
    with open(argv[2], "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("PyTorch %s answered %d cases: %s" % (torch.__version__, len(doc["cases"]), argv[2]))


if __name__ == "__main__":
    main(sys.argv)
