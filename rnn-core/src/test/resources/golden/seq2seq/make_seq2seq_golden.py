#!/usr/bin/python3
"""Golden file for EncoderDecoderGoldenTest: a teacher-forced encoder-decoder in PyTorch, float64.

Run from this folder with the system Python that has Debian's torch: /usr/bin/python3 make_seq2seq_golden.py
(Debian's python3-torch 1.13 made the committed file). For every cell (torch.nn.RNNCell, LSTMCell,
GRUCell) and attention (none; Bahdanau as the PyTorch seq2seq tutorial's AttnDecoderRNN, the context
from the previous decoder state entering the GRU's input; Luong "general" after the step, with
o_t = tanh(W_c [s_t; c_t] + b_c)), with 2 layers in each stack, the decoder starting from the
encoder's final states. Masks: a masked step keeps every layer's state and outputs 0; padded source
steps are never attended to. The loss is sum(o * G) for a fixed random G, so every output carries
gradient. Parameters and gradients are written in rnnkit's layout (EncoderDecoderShape): W = weight_ih^T,
RW = weight_hh^T, b = bias_ih + bias_hh (GRU: the n block of bias_hh is bhn, inside the reset product),
Bahdanau a_W, a_U, a_v as nn.Linear weights, Luong a_W as nn.Linear(E, D).weight, c_W = weight^T.
"""
import numpy as np
import torch

torch.manual_seed(29)
torch.set_default_dtype(torch.float64)
B, S, T, FS, FT, H, A, L = 3, 4, 3, 2, 3, 4, 5, 2
src_mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0], [0, 1, 1, 0]], dtype=torch.float64)
tgt_mask = torch.tensor([[1, 1, 1], [1, 1, 1], [1, 1, 0]], dtype=torch.float64)
source = torch.randn(B, S, FS)
target = torch.randn(B, T, FT)
G = torch.randn(B, T, H)
out = {'source': source.numpy(), 'target': target.numpy(), 'source_mask': src_mask.numpy(),
       'target_mask': tgt_mask.numpy(), 'G': G.numpy()}
CELLS = {'rnn': torch.nn.RNNCell, 'lstm': torch.nn.LSTMCell, 'gru': torch.nn.GRUCell}


class Bahdanau(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.Wa = torch.nn.Linear(H, A)
        self.Ua = torch.nn.Linear(H, A)
        self.Va = torch.nn.Linear(A, 1)

    def forward(self, query, keys, mask):
        scores = self.Va(torch.tanh(self.Wa(query).unsqueeze(1) + self.Ua(keys))).squeeze(2)
        weights = torch.softmax(scores.masked_fill(mask == 0, float('-inf')), dim=-1)
        return torch.bmm(weights.unsqueeze(1), keys).squeeze(1), weights


class Luong(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.W = torch.nn.Linear(H, H, bias=False)
        self.Wc = torch.nn.Linear(2 * H, H)

    def forward(self, query, keys, mask):
        scores = torch.bmm(self.W(keys), query.unsqueeze(2)).squeeze(2)
        weights = torch.softmax(scores.masked_fill(mask == 0, float('-inf')), dim=-1)
        return torch.bmm(weights.unsqueeze(1), keys).squeeze(1), weights


def blend(new, old, m):
    m = m.unsqueeze(1)
    return m * new + (1 - m) * old


for kind, Cell in CELLS.items():
    for attention in ('none', 'bahdanau', 'luong'):
        name = f'{kind}.{attention}'
        enc = [Cell(FS if l == 0 else H, H) for l in range(L)]
        dec_in = FT + (H if attention == 'bahdanau' else 0)
        dec = [Cell(dec_in if l == 0 else H, H) for l in range(L)]
        att = Bahdanau() if attention == 'bahdanau' else Luong() if attention == 'luong' else None
        with torch.no_grad():
            for c in enc + dec:   # every bias non-zero
                c.bias_hh.uniform_(-0.5, 0.5)
        x = source.clone().requires_grad_(True)
        y = target.clone().requires_grad_(True)
        h = [torch.zeros(B, H) for _ in range(L)]
        c = [torch.zeros(B, H) for _ in range(L)]
        keys = []
        for t in range(S):
            inp = x[:, t]
            m = src_mask[:, t]
            for l in range(L):
                if kind == 'lstm':
                    hn, cn = enc[l](inp, (h[l], c[l]))
                    c[l] = blend(cn, c[l], m)
                else:
                    hn = enc[l](inp, h[l])
                h[l] = blend(hn, h[l], m)
                inp = h[l]
            keys.append(h[L - 1])
        keys = torch.stack(keys, dim=1)
        outputs, weights = [], []
        for t in range(T):
            inp = y[:, t]
            m = tgt_mask[:, t]
            if attention == 'bahdanau':
                ctx, w = att(h[L - 1], keys, src_mask)
                weights.append(w)
                inp = torch.cat([inp, ctx], dim=1)
            for l in range(L):
                if kind == 'lstm':
                    hn, cn = dec[l](inp, (h[l], c[l]))
                    c[l] = blend(cn, c[l], m)
                else:
                    hn = dec[l](inp, h[l])
                h[l] = blend(hn, h[l], m)
                inp = h[l]
            o = inp
            if attention == 'luong':
                ctx, w = att(inp, keys, src_mask)
                weights.append(w)
                o = torch.tanh(att.Wc(torch.cat([inp, ctx], dim=1)))
            outputs.append(o * m.unsqueeze(1))
        o = torch.stack(outputs, dim=1)
        (o * G).sum().backward()
        out[f'{name}.output'] = o.detach().numpy()
        if weights:
            out[f'{name}.weights'] = torch.stack(weights, dim=1).detach().numpy()   # [B, T, S]
        out[f'{name}.grad.source'] = x.grad.numpy()
        out[f'{name}.grad.target'] = y.grad.numpy()
        for side, cells in (('e', enc), ('d', dec)):
            for l, cell in enumerate(cells):
                p = f'{name}.{side}{l}_'
                b_ih, b_hh = cell.bias_ih.detach(), cell.bias_hh.detach()
                out[p + 'W'] = cell.weight_ih.detach().numpy().T
                out[p + 'RW'] = cell.weight_hh.detach().numpy().T
                out['grad.' + p + 'W'] = cell.weight_ih.grad.numpy().T
                out['grad.' + p + 'RW'] = cell.weight_hh.grad.numpy().T
                if kind == 'gru':
                    b = b_ih.clone()
                    b[:2 * H] += b_hh[:2 * H]
                    out[p + 'b'] = b.numpy()[None, :]
                    out[p + 'bhn'] = b_hh[2 * H:].numpy()[None, :]
                    out['grad.' + p + 'b'] = cell.bias_ih.grad.numpy()[None, :]
                    out['grad.' + p + 'bhn'] = cell.bias_hh.grad[2 * H:].numpy()[None, :]
                else:
                    out[p + 'b'] = (b_ih + b_hh).numpy()[None, :]
                    out['grad.' + p + 'b'] = cell.bias_ih.grad.numpy()[None, :]
        if attention == 'bahdanau':
            for key, t in (('a_W', att.Wa.weight), ('a_bW', att.Wa.bias), ('a_U', att.Ua.weight), ('a_bU', att.Ua.bias),
                           ('a_v', att.Va.weight), ('a_bv', att.Va.bias)):
                shape = (1, -1) if t.dim() == 1 else t.shape
                out[f'{name}.{key}'] = t.detach().numpy().reshape(shape)
                out[f'grad.{name}.{key}'] = t.grad.numpy().reshape(shape)
        elif attention == 'luong':
            for key, t, transpose in (('a_W', att.W.weight, False), ('c_W', att.Wc.weight, True), ('c_b', att.Wc.bias, False)):
                v, g = t.detach().numpy(), t.grad.numpy()
                if transpose:
                    v, g = v.T, g.T
                if v.ndim == 1:
                    v, g = v[None, :], g[None, :]
                out[f'{name}.{key}'] = v
                out[f'grad.{name}.{key}'] = g
np.savez('seq2seq.npz', **out)
print(len(out), 'arrays')
