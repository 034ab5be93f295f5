#!/usr/bin/python3
"""Golden file for MinGruMathTest: minGRU (Feng et al. 2024) in float64, the paper's sequential form.

Run from this folder with the system Python that has Debian's torch: /usr/bin/python3 make_mingru_golden.py
(Debian's python3-torch 1.13 made the committed file). The layer, as in the paper's Algorithm 1
(sequential mode) with linear_z and linear_h as nn.Linear:
    z_t = sigmoid(linear_z(x_t)); h_tilde_t = linear_h(x_t); h_t = (1 - z_t) * h_{t-1} + z_t * h_tilde_t
The loss is L = sum(G * h) for a fixed random G. Writes mingru.npz: x [T, mb, in] (time-major),
h0 [mb, H], the weights under PyTorch's names ([H, in] and [H]), h [T, mb, H] and every gradient.
"""
import numpy as np
import torch

torch.manual_seed(29)
torch.set_default_dtype(torch.float64)
T, MB, IN, H = 6, 3, 3, 4
linear_z = torch.nn.Linear(IN, H)
linear_h = torch.nn.Linear(IN, H)
x = torch.randn(T, MB, IN, requires_grad=True)
h0 = torch.randn(MB, H, requires_grad=True)
G = torch.randn(T, MB, H)
hs = []
h = h0
for t in range(T):
    z = torch.sigmoid(linear_z(x[t]))
    h_tilde = linear_h(x[t])
    h = (1 - z) * h + z * h_tilde
    hs.append(h)
h_all = torch.stack(hs)
(h_all * G).sum().backward()
out = {'x': x.detach().numpy(), 'h0': h0.detach().numpy(), 'G': G.numpy(), 'h': h_all.detach().numpy(),
       'grad.x': x.grad.numpy(), 'grad.h0': h0.grad.numpy()}
for name, module in (('linear_z', linear_z), ('linear_h', linear_h)):
    for p_name, p in module.named_parameters():
        out[f'{name}.{p_name}'] = p.detach().numpy()
        out[f'grad.{name}.{p_name}'] = p.grad.numpy()
np.savez('mingru.npz', **out)
print(sorted(out))
