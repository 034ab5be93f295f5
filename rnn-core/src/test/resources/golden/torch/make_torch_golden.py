#!/usr/bin/python3
"""Golden files for TorchWeightsTest: PyTorch RNN, LSTM and GRU outputs from saved weights.

Run from this folder with the system Python that has Debian's torch: /usr/bin/python3 make_torch_golden.py  (Debian's python3-torch 1.13 made the
committed files). For each cell and 1 or 2 layers it writes
  <cell>_l<L>.npz     the module's state_dict under PyTorch's own names (float32)
  <cell>_l<L>_io.npz  'input' [batch, time, input] and 'output' [batch, time, hidden]: the top
                      layer's hidden state at every step, from a zero initial state.
"""
import numpy as np
import torch

torch.manual_seed(2024)
INPUT, HIDDEN, BATCH, STEPS = 3, 4, 2, 6
CELLS = {'rnn': torch.nn.RNN, 'lstm': torch.nn.LSTM, 'gru': torch.nn.GRU}

for name, cls in CELLS.items():
    for layers in (1, 2):
        module = cls(INPUT, HIDDEN, num_layers=layers, batch_first=True)
        with torch.no_grad():
            # Biases drawn like the weights, so that bias_ih and bias_hh are both exercised.
            for p in module.parameters():
                p.uniform_(-0.8, 0.8)
        x = torch.randn(BATCH, STEPS, INPUT)
        with torch.no_grad():
            out, _ = module(x)
        np.savez(f'{name}_l{layers}.npz', **{k: v.numpy() for k, v in module.state_dict().items()})
        np.savez(f'{name}_l{layers}_io.npz', input=x.numpy(), output=out.numpy())
        print(name, layers, out.shape)
