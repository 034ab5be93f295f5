#!/usr/bin/python3
"""PyTorch side of `./rnnkit bench --seq2seq`: one training step of a GRU encoder-decoder with
teacher forcing, batch 64, source and target length 30, vocabulary 20 (18 source symbols; the
decoder reads and predicts 20 classes, the symbols plus start and end), hidden 128, Adam 1e-3,
cross-entropy over every decoder step; one inference step = the same teacher-forced forward pass
without gradients.

Attention (--attention), the same models as rnnkit's EncoderDecoderLayer:
  none      s_t = GRUCell(y_t, s_{t-1})
  bahdanau  c_t = attend(s_{t-1}, h), s_t = GRUCell([y_t; c_t], s_{t-1}) -- the PyTorch seq2seq
            tutorial's AttnDecoderRNN form: e_j = v . tanh(W s + U h_j), attention size 128
  luong     s_t = GRUCell(y_t, s_{t-1}), c_t = attend(s_t, h) with e_j = s_t . (W h_j),
            o_t = tanh(W_c [s_t; c_t] + b_c)
The output layer is Linear(128, 20) on s_t (or o_t).

Usage: torch_seq2seq_bench.py [--attention none,bahdanau,luong] [--threads 1] [--steps 10] [--warmup 3]
Prints one JSON line per attention kind: fw, cfg, cell, form (the attention), train_ms and
infer_ms (medians), threads, batch, length, input, hidden -- the schema of torch_rnn_bench.py.
"""
import argparse, json, statistics, time
import torch
import torch.nn as nn
import torch.nn.functional as F

B, S, T, V, H = 64, 30, 30, 20, 128


class Model(nn.Module):
    def __init__(self, attention):
        super().__init__()
        self.attention = attention
        self.enc = nn.GRU(V - 2, H, batch_first=True)
        self.dec = nn.GRUCell(V + (H if attention == "bahdanau" else 0), H)
        if attention == "bahdanau":
            self.Wa, self.Ua, self.va = nn.Linear(H, H), nn.Linear(H, H), nn.Linear(H, 1)
        elif attention == "luong":
            self.Wa = nn.Linear(H, H, bias=False)
            self.Wc = nn.Linear(2 * H, H)
        self.out = nn.Linear(H, V)

    def forward(self, x, yin):
        keys, h = self.enc(x)
        h = h[0]
        if self.attention == "bahdanau":
            projected = self.Ua(keys)
        elif self.attention == "luong":
            projected = self.Wa(keys)
        logits = []
        for t in range(T):
            inp = yin[:, t]
            if self.attention == "bahdanau":
                w = torch.softmax(self.va(torch.tanh(self.Wa(h).unsqueeze(1) + projected)).squeeze(2), -1)
                inp = torch.cat([inp, torch.bmm(w.unsqueeze(1), keys).squeeze(1)], 1)
            h = self.dec(inp, h)
            o = h
            if self.attention == "luong":
                w = torch.softmax(torch.bmm(projected, h.unsqueeze(2)).squeeze(2), -1)
                o = torch.tanh(self.Wc(torch.cat([h, torch.bmm(w.unsqueeze(1), keys).squeeze(1)], 1)))
            logits.append(self.out(o))
        return torch.stack(logits, 1)


def bench(attention, steps, warmup, threads):
    torch.manual_seed(0)
    m = Model(attention)
    opt = torch.optim.Adam(m.parameters(), 1e-3)
    x = F.one_hot(torch.randint(0, V - 2, (B, S)), V - 2).float()
    y = torch.randint(0, V, (B, T))
    yin = F.one_hot(y, V).float()
    train, infer = [], []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = F.cross_entropy(m(x, yin).reshape(-1, V), y.reshape(-1))
        loss.backward()
        opt.step()
        t1 = time.perf_counter()
        with torch.no_grad():
            m(x, yin)
        t2 = time.perf_counter()
        if i >= warmup:
            train.append((t1 - t0) * 1e3)
            infer.append((t2 - t1) * 1e3)
    return {"fw": "pytorch", "cfg": "s2s", "cell": "GRU", "form": attention, "train_ms": statistics.median(train),
            "infer_ms": statistics.median(infer), "threads": threads, "batch": B, "length": S, "input": V - 2, "hidden": H}


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--attention", default="none,bahdanau,luong")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    for kind in a.attention.split(","):
        print(json.dumps(bench(kind, a.steps, a.warmup, a.threads)), flush=True)
