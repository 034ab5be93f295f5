#!/usr/bin/python3
"""Golden file for MinRnnMathTest: minGRU and minLSTM (Feng et al. 2024) in float64, the paper's sequential forms.

Run from this folder with the system Python that has Debian's torch: /usr/bin/python3 make_minrnn_golden.py
(Debian's python3-torch 1.13 made the committed file). The layers, as in the paper's sequential
algorithms, with every projection an nn.Linear:
    minGRU:  z = sigmoid(linear_z(x_t)); h_tilde = linear_h(x_t); h_t = (1 - z) * h_{t-1} + z * h_tilde
    minLSTM: f = sigmoid(linear_f(x_t)); i = sigmoid(linear_i(x_t)); h_tilde = linear_h(x_t)
             f' = f / (f + i); i' = i / (f + i); h_t = f' * h_{t-1} + i' * h_tilde
The loss is L = sum(G * h) for a fixed random G. Writes minrnn.npz: per cell ('min_gru.', 'min_lstm.')
x [T, mb, in] (time-major), h0 [mb, H], the weights under PyTorch's names ([H, in] and [H]),
h [T, mb, H] and every gradient.
"""
import numpy as np
import torch

torch.manual_seed(29)
torch.set_default_dtype(torch.float64)
T, MB, IN, H = 6, 3, 3, 4
out = {}
for cell, names in (('min_gru', ('linear_z', 'linear_h')), ('min_lstm', ('linear_f', 'linear_i', 'linear_h'))):
    linears = {n: torch.nn.Linear(IN, H) for n in names}
    x = torch.randn(T, MB, IN, requires_grad=True)
    h0 = torch.randn(MB, H, requires_grad=True)
    G = torch.randn(T, MB, H)
    hs = []
    h = h0
    for t in range(T):
        h_tilde = linears['linear_h'](x[t])
        if cell == 'min_gru':
            z = torch.sigmoid(linears['linear_z'](x[t]))
            h = (1 - z) * h + z * h_tilde
        else:
            f = torch.sigmoid(linears['linear_f'](x[t]))
            i = torch.sigmoid(linears['linear_i'](x[t]))
            h = f / (f + i) * h + i / (f + i) * h_tilde
        hs.append(h)
    h_all = torch.stack(hs)
    (h_all * G).sum().backward()
    out.update({f'{cell}.x': x.detach().numpy(), f'{cell}.h0': h0.detach().numpy(), f'{cell}.G': G.numpy(),
                f'{cell}.h': h_all.detach().numpy(), f'{cell}.grad.x': x.grad.numpy(), f'{cell}.grad.h0': h0.grad.numpy()})
    for name, module in linears.items():
        for p_name, p in module.named_parameters():
            out[f'{cell}.{name}.{p_name}'] = p.detach().numpy()
            out[f'{cell}.grad.{name}.{p_name}'] = p.grad.numpy()
np.savez('minrnn.npz', **out)
print(len(out), 'arrays')
