#!/usr/bin/env python3
"""PyTorch counterparts of rnnkit's end-to-end benchmarks (`./rnnkit bench-e2e`).

Each workload does the same work as the rnnkit job it is named after: the same data, windows,
sizes, optimiser, epochs, batches, validation every epoch and best-epoch bookkeeping. It prints
one JSON line with the wall time of the training loop for each repetition (the first is cold,
the later ones warm) and the time from the interpreter's start to the end of the first
repetition ("command_s", i.e. import torch, read the data, train once, evaluate).

  train   --cell gru --epochs 30   Seattle weather, look-back 10, hidden 32, Adam 0.005, batch 32,
                                   split 0.7/0.15/0.15, validation loss and accuracy each epoch,
                                   best epoch's parameters kept, test accuracy at the end
  article --look-back 100          uniform random weather (1,500 days), vanilla RNN hidden 10, full
                                   batch, Adam 0.01, 100 epochs, last 20 % of windows as test
  adding  --cell lstm --lag 100    adding problem, 2,000 train / 100 validation / 500 test, hidden
                                   32, batch 32, Adam 0.01, 10 epochs
  stream  --cell gru --hidden 32   one step of batch 1 with the state carried (median latency)
  predict                          load a saved GRU (hidden 32) and forecast the day after the
                                   Seattle series from its last 10 days

Usage: python3 bench/torch_e2e.py WORKLOAD [options] [--threads N] [--repeat R] [--tiny]
"""
import argparse, csv, json, os, sys, time

START = time.perf_counter()
import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch_scan_bench import sequential_scan  # noqa: E402  (this folder is on sys.path when run as a script)

HERE = os.path.dirname(os.path.abspath(__file__))
SEATTLE = os.path.join(HERE, '..', 'rnn-data', 'src', 'main', 'resources', 'io', 'github', 'rnnkit', 'data',
                       'samples', 'seattle-weather.csv')


class MinRNN(nn.Module):
    """minGRU or minLSTM (Feng et al. 2024) with torch.nn.RNN's interface (batch_first, one layer):
    the paper's sequential form, every step's projections as one matrix product first (on this CPU
    its log-space parallel form was 3.6x slower: bench/torch_scan_bench.py, docs/BENCHMARKS.md)."""

    def __init__(self, n_in, hidden, batch_first=True, kind='gru'):
        super().__init__()
        assert batch_first
        self.gru = kind == 'gru'
        self.hidden = hidden
        self.gates = nn.Linear(n_in, (2 if self.gru else 3) * hidden)

    def forward(self, x, state=None):
        h = torch.zeros(x.shape[0], self.hidden) if state is None else state[0]
        y, last = sequential_scan(self.gates(x), h, self.gru)
        return y, last.unsqueeze(0)


CELLS = {'rnn': nn.RNN, 'lstm': nn.LSTM, 'gru': nn.GRU,
         'min-gru': lambda n_in, hidden, batch_first=True: MinRNN(n_in, hidden, batch_first, 'gru'),
         'min-lstm': lambda n_in, hidden, batch_first=True: MinRNN(n_in, hidden, batch_first, 'lstm')}


class Net(nn.Module):
    def __init__(self, cell, n_in, hidden, n_out):
        super().__init__()
        self.rnn = CELLS[cell](n_in, hidden, batch_first=True)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.out(y[:, -1, :])


def one_hot(codes, k):
    return np.eye(k, dtype=np.float32)[codes]


def windows(codes, k, look_back):
    x = np.stack([one_hot(codes[i:i + look_back], k) for i in range(len(codes) - look_back)])
    y = np.array(codes[look_back:], dtype=np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def seattle(look_back=10):
    with open(SEATTLE) as f:
        weather = [row['weather'] for row in csv.DictReader(f)]
    n = len(weather)
    train_end, val_end = round(n * 0.7), round(n * 0.85)   # rnnkit's ChronoSplit.byFraction
    vocab = sorted(set(weather[:train_end]))
    codes = [vocab.index(w) for w in weather]
    parts = [codes[:train_end], codes[train_end:val_end], codes[val_end:]]
    return vocab, [windows(p, len(vocab), look_back) for p in parts]


def fit(model, train, validation, epochs, batch, lr, patience, classify, seed):
    """rnnkit's Trainer: shuffled batches, validation loss and metric after each epoch, best kept."""
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss() if classify else nn.MSELoss()
    x, y = train
    g = torch.Generator().manual_seed(seed)
    best, best_state, since = float('inf'), None, 0
    for epoch in range(epochs):
        model.train()
        for idx in torch.randperm(len(x), generator=g).split(batch):
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            if validation is not None and len(validation[0]) > 0:
                out = model(validation[0])
                monitored = loss_fn(out, validation[1]).item()
                _metric = (out.argmax(1) == validation[1]).float().mean().item() if classify else 0.0
            else:
                monitored = loss.item()
        if monitored < best:
            best, since = monitored, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            since += 1
            if patience > 0 and since >= patience:
                break
    model.load_state_dict(best_state)
    return model


def train_seattle(a):
    torch.manual_seed(a.seed)
    vocab, (tr, va, te) = seattle()
    model = Net(a.cell, len(vocab), 32, len(vocab))
    fit(model, tr, va, a.epochs, 32, 0.005, 0, True, a.seed)
    with torch.no_grad():
        return {'test_accuracy': (model(te[0]).argmax(1) == te[1]).float().mean().item()}


def article(a):
    torch.manual_seed(a.seed)
    rng = np.random.RandomState(42)
    codes = rng.randint(0, 3, 1500).tolist()
    x, y = windows(codes, 3, a.look_back)
    test = max(1, round(len(x) * 0.2))
    model = Net('rnn', 3, 10, 3)
    fit(model, (x[:-test], y[:-test]), None, a.epochs, len(x) - test, 0.01, 0, True, a.seed)
    with torch.no_grad():
        return {'test_accuracy': (model(x[-test:]).argmax(1) == y[-test:]).float().mean().item()}


def adding_data(count, lag, rng):
    x = np.zeros((count, lag, 2), dtype=np.float32)
    x[:, :, 0] = rng.random_sample((count, lag))
    half = lag // 2
    for i in range(count):
        a, b = rng.randint(half), half + rng.randint(lag - half)
        x[i, a, 1] = x[i, b, 1] = 1
    y = (x[:, :, 0] * x[:, :, 1]).sum(1, keepdims=True)
    return torch.from_numpy(x), torch.from_numpy(y)


def adding(a):
    torch.manual_seed(a.seed)
    rng = np.random.RandomState(a.seed)
    tr, va, te = adding_data(a.train, a.lag, rng), adding_data(100, a.lag, rng), adding_data(500, a.lag, rng)
    model = Net(a.cell, 2, 32, 1)
    fit(model, tr, va, a.epochs, 32, 0.01, 0, False, a.seed)
    with torch.no_grad():
        return {'test_mse': nn.functional.mse_loss(model(te[0]), te[1]).item()}


def stream(a):
    torch.manual_seed(a.seed)
    rnn = CELLS[a.cell](3, a.hidden, batch_first=True)
    out = nn.Linear(a.hidden, 3)
    x = torch.rand(1, 1, 3)
    state = None
    times = []
    with torch.no_grad():
        for i in range(a.steps):
            t0 = time.perf_counter()
            y, state = rnn(x, state)
            out(y[:, -1, :])
            times.append(time.perf_counter() - t0)
    times = sorted(times[a.steps // 5:])
    return {'step_us': 1e6 * times[len(times) // 2]}


def best_result(results, key):
    return min(results, key=lambda r: r[key])


def predict(a):
    vocab, _ = seattle()
    path = os.path.join(a.workdir, 'gru32.pt')
    if not os.path.exists(path):
        torch.manual_seed(a.seed)
        torch.save(Net('gru', len(vocab), 32, len(vocab)).state_dict(), path)
    t0 = time.perf_counter()
    model = Net('gru', len(vocab), 32, len(vocab))
    model.load_state_dict(torch.load(path))
    with open(SEATTLE) as f:
        weather = [row['weather'] for row in csv.DictReader(f)]
    x = torch.from_numpy(one_hot([vocab.index(w) for w in weather[-10:]], len(vocab))[None])
    with torch.no_grad():
        p = torch.softmax(model(x), 1)[0]
    return {'next': vocab[int(p.argmax())], 'call_s': time.perf_counter() - t0}


WORKLOADS = {'train': train_seattle, 'article': article, 'adding': adding, 'stream': stream, 'predict': predict}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('workload', choices=sorted(WORKLOADS))
    ap.add_argument('--cell', default='gru', choices=sorted(CELLS))
    ap.add_argument('--epochs', type=int, default=None)
    ap.add_argument('--look-back', type=int, default=100)
    ap.add_argument('--lag', type=int, default=100)
    ap.add_argument('--train', type=int, default=2000)
    ap.add_argument('--hidden', type=int, default=32)
    ap.add_argument('--steps', type=int, default=2000)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--seed', type=int, default=42)
    ap.add_argument('--workdir', default='.')
    ap.add_argument('--tiny', action='store_true', help='a few epochs, for a smoke test')
    a = ap.parse_args()
    if a.epochs is None:
        a.epochs = {'train': 30, 'article': 100, 'adding': 10}.get(a.workload, 1)
    if a.tiny:
        a.epochs, a.train, a.steps = min(a.epochs, 2), min(a.train, 200), min(a.steps, 200)
    torch.set_num_threads(a.threads)
    loops, results, command = [], [], None
    for r in range(a.repeat):
        t0 = time.perf_counter()
        results.append(WORKLOADS[a.workload](a))
        loops.append(time.perf_counter() - t0)
        if r == 0:
            command = time.perf_counter() - START
    # latencies: the best run after the first, as for the loops
    key = {'stream': 'step_us', 'predict': 'call_s'}.get(a.workload)
    later = results[1:] or results
    result = best_result(later, key) if key else results[-1]
    print(json.dumps({'fw': 'torch', 'torch': torch.__version__, 'workload': a.workload, 'cell': a.cell,
                      'threads': a.threads, 'loop_s': loops, 'command_s': command, **result}))


if __name__ == '__main__':
    main()
