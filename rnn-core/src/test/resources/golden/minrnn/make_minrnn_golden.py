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

The same layers in the paper's parallel mode are computed too and must agree (asserted here, and
stored under '<cell>.parallel.' for the Java tests): every a_t = 1 - z_t or f'_t and b_t = z_t h~_t or
i'_t h~_t at once, then h_t = A_t (h_0 + sum_{s<=t} b_s / A_s) with A_t = prod_{r<=t} a_r, evaluated in
log space by cumulative log-sum-exps as the paper's parallel_scan_log does (its Algorithm 2/4 with
log-space coefficients). The paper keeps h~ positive with g(x) so that log h~ exists; this script keeps
the plain linear h~ of the sequential form and splits the values by sign instead (two scans), so both
forms compute the same function.
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
    # The parallel mode on fresh leaves of the same values.
    xp = x.detach().clone().requires_grad_(True)
    h0p = h0.detach().clone().requires_grad_(True)
    h_tilde = linears['linear_h'](xp)
    if cell == 'min_gru':
        k = linears['linear_z'](xp)
        log_a = -torch.nn.functional.softplus(k)          # log(1 - z)
        log_coef = -torch.nn.functional.softplus(-k)      # log z
    else:
        lf = -torch.nn.functional.softplus(-linears['linear_f'](xp))   # log f
        li = -torch.nn.functional.softplus(-linears['linear_i'](xp))   # log i
        norm = torch.logaddexp(lf, li)
        log_a, log_coef = lf - norm, li - norm
    values = torch.cat([h0p.unsqueeze(0), torch.exp(log_coef) * h_tilde])   # b_0 := h_0 at position -1
    log_a_star = torch.cat([torch.zeros_like(h0p).unsqueeze(0), torch.cumsum(log_a, dim=0)])
    def signed_scan(v):
        # exp(-1e4) is 0 in float64; a true -inf makes logcumsumexp's gradient NaN in torch 1.13.
        pos = torch.logcumsumexp(torch.where(v > 0, torch.log(v.clamp(min=1e-300)), torch.full_like(v, -1e4))
                                 - log_a_star, dim=0)
        neg = torch.logcumsumexp(torch.where(v < 0, torch.log((-v).clamp(min=1e-300)), torch.full_like(v, -1e4))
                                 - log_a_star, dim=0)
        return torch.exp(log_a_star + pos) - torch.exp(log_a_star + neg)
    h_par = signed_scan(values)[1:]
    assert torch.allclose(h_par, h_all, rtol=0, atol=1e-12), (h_par - h_all).abs().max()
    for module in linears.values():
        for p in module.parameters():
            p.grad_seq = p.grad.clone()
            p.grad = None
    (h_par * G).sum().backward()
    out[f'{cell}.parallel.h'] = h_par.detach().numpy()
    out[f'{cell}.parallel.grad.x'] = xp.grad.numpy()
    out[f'{cell}.parallel.grad.h0'] = h0p.grad.numpy()
    assert torch.allclose(xp.grad, x.grad, rtol=0, atol=1e-10) and torch.allclose(h0p.grad, h0.grad, rtol=0, atol=1e-10)
    for name, module in linears.items():
        for p_name, p in module.named_parameters():
            assert torch.allclose(p.grad, p.grad_seq, rtol=0, atol=1e-10), (name, p_name)
            out[f'{cell}.parallel.grad.{name}.{p_name}'] = p.grad.numpy()
            p.grad = p.grad_seq
    out.update({f'{cell}.x': x.detach().numpy(), f'{cell}.h0': h0.detach().numpy(), f'{cell}.G': G.numpy(),
                f'{cell}.h': h_all.detach().numpy(), f'{cell}.grad.x': x.grad.numpy(), f'{cell}.grad.h0': h0.grad.numpy()})
    for name, module in linears.items():
        for p_name, p in module.named_parameters():
            out[f'{cell}.{name}.{p_name}'] = p.detach().numpy()
            out[f'{cell}.grad.{name}.{p_name}'] = p.grad.numpy()
np.savez('minrnn.npz', **out)
print(len(out), 'arrays')
