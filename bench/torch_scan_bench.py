#!/usr/bin/env python3
"""PyTorch side of `./rnnkit bench --lengths ...`: speed against sequence length of the classic cells
and of minGRU / minLSTM (Feng et al. 2024, "Were RNNs All We Needed?", arXiv 2410.01201).

Every configuration is batch 32, input 3 (one-hot), hidden 128, many-to-one with 3 classes and
cross-entropy, L stacked layers, as rnnkit's BenchConfig.scan. One training step = forward, backward
and an Adam update on one minibatch; one inference step = a forward pass without gradients.

Cells:
  RNN, LSTM, GRU        torch.nn.RNN / LSTM / GRU with num_layers=L (fused C++ loops over time)
  MIN_GRU, MIN_LSTM     the paper's two modes, named in the 'form' field:
    sequential          its sequential algorithms: one Python-level step per time step,
                        h_t = (1 - z_t) * h_{t-1} + z_t * h~_t (minGRU) and
                        h_t = f'_t * h_{t-1} + i'_t * h~_t, f' = f/(f+i), i' = i/(f+i) (minLSTM);
    parallel            its parallel algorithms: every step's coefficients at once, then the
                        log-space scan (parallel_scan_log: cumsum and logcumsumexp over time), with
                        the paper's g(x) = x + 0.5 (x >= 0) or sigmoid(x) (x < 0) keeping h~ positive.
                        This is the paper's reference code, as a PyTorch user would run it.

The parallel form is skipped above --parallel-max-length steps (default 1,000): with this machine's
torch 1.13 its training step took 0.47 s at 1,000 steps but 27 s at 10,000 (minGRU, one layer), so
three layers at 10,000 steps would take many minutes per configuration.

Usage: torch_scan_bench.py --lengths 100,1000,10000 [--layers 1,3] [--cells RNN,LSTM,GRU,MIN_GRU,MIN_LSTM]
                           [--steps 5] [--warmup 2] [--threads 1] [--parallel-max-length 1000]
Prints one JSON line per (length, layers, cell, form): fw, cfg, cell, form, train_ms, infer_ms (medians),
threads, batch, length, input, hidden, layers.
"""
import argparse, json, statistics, time
import torch
import torch.nn as nn
import torch.nn.functional as F

B, I, H, C = 32, 3, 128, 3


def log_g(x):
    return torch.where(x >= 0, (F.relu(x) + 0.5).log(), -F.softplus(-x))


def parallel_scan_log(log_coeffs, log_values):
    # log_coeffs [B, T, H], log_values [B, T+1, H] (h_0 first): the paper's Heinsen scan
    a_star = F.pad(torch.cumsum(log_coeffs, dim=1), (0, 0, 1, 0))
    log_h0_plus_b_star = torch.logcumsumexp(log_values - a_star, dim=1)
    return torch.exp(a_star + log_h0_plus_b_star)[:, 1:]


class MinLayer(nn.Module):
    def __init__(self, cell, n_in, form):
        super().__init__()
        self.gru = cell == 'MIN_GRU'
        self.form = form
        self.gates = nn.Linear(n_in, (2 if self.gru else 3) * H)

    def forward(self, x):
        proj = self.gates(x)
        if self.form == 'parallel':
            if self.gru:
                k, h_tilde = proj.chunk(2, dim=-1)
                log_coeffs, log_z = -F.softplus(k), -F.softplus(-k)
                log_values = log_z + log_g(h_tilde)
            else:
                f, i, h_tilde = proj.chunk(3, dim=-1)
                diff = F.softplus(-f) - F.softplus(-i)
                log_coeffs, log_i = -F.softplus(diff), -F.softplus(-diff)
                log_values = log_i + log_g(h_tilde)
            log_h0 = torch.full_like(log_values[:, :1], -0.6931471805599453)   # h_0 = g(0) = 0.5
            return parallel_scan_log(log_coeffs, torch.cat([log_h0, log_values], dim=1))
        return sequential_scan(proj, torch.zeros(x.shape[0], H), self.gru)[0]


def sequential_scan(proj, h, gru):
    """The paper's sequential mode over projections proj [B, T, G*H] from state h [B, H]:
    minGRU h = (1 - z) * h + z * h~, minLSTM h = f' * h + i' * h~ with f' = f/(f+i), i' = i/(f+i).
    Returns every step's h [B, T, H] and the last h."""
    out = []
    # unbind, not proj[:, t]: each indexing's backward would add a zero tensor the size of proj (O(T^2))
    for p in proj.unbind(dim=1):
        if gru:
            k, h_tilde = p.chunk(2, dim=-1)
            z = torch.sigmoid(k)
            h = (1 - z) * h + z * h_tilde
        else:
            f, i, h_tilde = p.chunk(3, dim=-1)
            f, i = torch.sigmoid(f), torch.sigmoid(i)
            h = f / (f + i) * h + i / (f + i) * h_tilde
        out.append(h)
    return torch.stack(out, dim=1), h


class Net(nn.Module):
    def __init__(self, cell, layers, form):
        super().__init__()
        if cell in ('RNN', 'LSTM', 'GRU'):
            self.rnn = getattr(nn, cell)(I, H, num_layers=layers, batch_first=True)
            self.stack = None
        else:
            self.stack = nn.ModuleList([MinLayer(cell, I if l == 0 else H, form) for l in range(layers)])
        self.head = nn.Linear(H, C)

    def forward(self, x):
        if self.stack is None:
            y, _ = self.rnn(x)
        else:
            y = x
            for layer in self.stack:
                y = layer(y)
        return self.head(y[:, -1, :])


def median_ms(fn, warmup, steps):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def bench(length, layers, cell, form, steps, warmup):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    x = F.one_hot(torch.randint(0, I, (B, length), generator=g), I).float()
    y = torch.randint(0, C, (B,), generator=g)
    net = Net(cell, layers, form)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss_fn(net(x), y).backward()
        opt.step()

    def infer_step():
        with torch.no_grad():
            net(x)

    net.train()
    train = median_ms(train_step, warmup, steps)
    net.eval()
    infer = median_ms(infer_step, warmup, steps)
    name = 'T%d' % length + ('x%d' % layers if layers > 1 else '')
    return dict(fw='torch', cfg=name, cell=cell, form=form, train_ms=round(train, 3), infer_ms=round(infer, 3),
                threads=torch.get_num_threads(), torch=torch.__version__, batch=B, length=length, input=I, hidden=H,
                layers=layers)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--lengths', default='100,1000,10000')
    ap.add_argument('--layers', default='1')
    ap.add_argument('--cells', default='RNN,LSTM,GRU,MIN_GRU,MIN_LSTM')
    ap.add_argument('--steps', type=int, default=5)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--parallel-max-length', type=int, default=1000)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for layers in [int(v) for v in a.layers.split(',')]:
        for length in [int(v) for v in a.lengths.split(',')]:
            for cell in a.cells.split(','):
                cell = cell.strip().upper().replace('-', '_')
                forms = (['sequential', 'parallel'] if length <= a.parallel_max_length else ['sequential']) \
                    if cell.startswith('MIN_') else ['fused']
                for form in forms:
                    print(json.dumps(bench(length, layers, cell, form, a.steps, a.warmup)), flush=True)
