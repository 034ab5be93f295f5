#!/usr/bin/python3
"""Golden file for AttentionGoldenTest: PyTorch's additive (Bahdanau) and multiplicative (Luong) attention in float64.

Run from this folder with the system Python that has Debian's torch: /usr/bin/python3 make_attention_golden.py
(Debian's python3-torch 1.13 made the committed file). The additive module is the PyTorch seq2seq
tutorial's BahdanauAttention (Wa, Ua, Va are nn.Linear layers); Luong's "general" score is
s . (W h_j). The loss is L = sum(c * G) + sum(alpha * R) for fixed random G and R, so that both
the context and the weights carry gradient. Example lengths 5, 3 and 1: padded steps are masked.
Writes attention.npz: inputs, parameters under PyTorch's names, outputs and every gradient.
"""
import numpy as np
import torch

torch.manual_seed(17)
torch.set_default_dtype(torch.float64)
B, T, D, E, A = 3, 5, 4, 3, 6
lengths = [5, 3, 1]
mask = torch.zeros(B, T)
for i, n in enumerate(lengths):
    mask[i, :n] = 1


class BahdanauAttention(torch.nn.Module):
    """The PyTorch seq2seq tutorial's module, with separate query and key sizes."""
    def __init__(self):
        super().__init__()
        self.Wa = torch.nn.Linear(D, A)
        self.Ua = torch.nn.Linear(E, A)
        self.Va = torch.nn.Linear(A, 1)

    def forward(self, query, keys, mask):
        scores = self.Va(torch.tanh(self.Wa(query).unsqueeze(1) + self.Ua(keys))).squeeze(2)
        scores = scores.masked_fill(mask == 0, float('-inf'))
        weights = torch.softmax(scores, dim=-1)
        context = torch.bmm(weights.unsqueeze(1), keys).squeeze(1)
        return context, weights


class LuongGeneral(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.W = torch.nn.Linear(E, D, bias=False)

    def forward(self, query, keys, mask):
        scores = torch.bmm(self.W(keys), query.unsqueeze(2)).squeeze(2)
        scores = scores.masked_fill(mask == 0, float('-inf'))
        weights = torch.softmax(scores, dim=-1)
        context = torch.bmm(weights.unsqueeze(1), keys).squeeze(1)
        return context, weights


out = {'mask': mask.numpy()}
G = torch.randn(B, E)
R = torch.randn(B, T)
out['G'] = G.numpy()
out['R'] = R.numpy()
for kind, module in (('additive', BahdanauAttention()), ('luong', LuongGeneral())):
    query = torch.randn(B, D, requires_grad=True)
    keys = torch.randn(B, T, E, requires_grad=True)
    context, weights = module(query, keys, mask)
    loss = (context * G).sum() + (weights * R).sum()
    loss.backward()
    out[f'{kind}.query'] = query.detach().numpy()
    out[f'{kind}.keys'] = keys.detach().numpy()
    out[f'{kind}.context'] = context.detach().numpy()
    out[f'{kind}.weights'] = weights.detach().numpy()
    out[f'{kind}.grad.query'] = query.grad.numpy()
    out[f'{kind}.grad.keys'] = keys.grad.numpy()
    for name, p in module.named_parameters():
        out[f'{kind}.{name}'] = p.detach().numpy()
        out[f'{kind}.grad.{name}'] = p.grad.numpy()
np.savez('attention.npz', **out)
print(sorted(out))
