#!/usr/bin/python3
"""PyTorch side of issue 17's speed target, not yet wired into ./rnnkit bench: one training step of a
GRU encoder-decoder with Bahdanau attention (the PyTorch seq2seq tutorial's AttnDecoderRNN form:
the context from the previous state enters the GRU's input), batch 64, source and target length 30,
vocabulary 20, hidden 128, Adam. Usage: /usr/bin/python3 bench/torch_seq2seq_bench.py THREADS
(prints each of 6 steps; take the last ones). Session 11 measured about 145-160 ms on 1 thread,
390-490 ms on 2, on this project's 2-core machine with OpenBLAS as the system BLAS.
"""
import time, torch, sys
torch.manual_seed(0)
torch.set_num_threads(int(sys.argv[1]))
B, S, T, V, H = 64, 30, 30, 20, 128
class Bahdanau(torch.nn.Module):
    def __init__(s):
        super().__init__(); s.Wa = torch.nn.Linear(H, H); s.Ua = torch.nn.Linear(H, H); s.Va = torch.nn.Linear(H, 1)
    def forward(s, q, keys):
        sc = s.Va(torch.tanh(s.Wa(q).unsqueeze(1) + s.Ua(keys))).squeeze(2)
        w = torch.softmax(sc, -1)
        return torch.bmm(w.unsqueeze(1), keys).squeeze(1)
enc = torch.nn.GRU(V - 2, H, batch_first=True)
dec = torch.nn.GRUCell(V + H, H)
att = Bahdanau(); out = torch.nn.Linear(H, V)
params = list(enc.parameters()) + list(dec.parameters()) + list(att.parameters()) + list(out.parameters())
opt = torch.optim.Adam(params, 1e-3)
x = torch.nn.functional.one_hot(torch.randint(0, V - 2, (B, S)), V - 2).double().float()
y = torch.randint(0, V, (B, T)); yin = torch.nn.functional.one_hot(y, V).float()
for i in range(6):
    t0 = time.perf_counter()
    opt.zero_grad()
    keys, h = enc(x); h = h[0]
    logits = []
    for t in range(T):
        c = att(h, keys)
        h = dec(torch.cat([yin[:, t], c], 1), h)
        logits.append(out(h))
    loss = torch.nn.functional.cross_entropy(torch.stack(logits, 1).reshape(-1, V), y.reshape(-1))
    loss.backward(); opt.step()
    print(f"torch {sys.argv[1]} thr step {i}: {(time.perf_counter() - t0) * 1000:.0f} ms")
