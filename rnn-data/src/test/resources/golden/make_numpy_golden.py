#!/usr/bin/env python3
"""Generates numpy_random.txt: what numpy's legacy RandomState draws, for NumpyRandomTest.

Run from this folder: python3 make_numpy_golden.py  (numpy 2.4.6 made the committed file;
the legacy RandomState stream is frozen by numpy's compatibility policy).
Each line is `name value value ...`.
"""
import numpy as np

lines = []
np.random.seed(42)
weather = np.random.choice(['Sunny', 'Rainy', 'Cloudy'], size=1500)
lines.append('article_weather ' + ' '.join(weather))
np.random.seed(7)
lines.append('randint_5 ' + ' '.join(str(v) for v in np.random.randint(0, 5, size=50)))
np.random.seed(123)
lines.append('random_sample ' + ' '.join(repr(float(v)) for v in np.random.random_sample(20)))
np.random.seed(2024)
lines.append('standard_normal ' + ' '.join(repr(float(v)) for v in np.random.standard_normal(21)))
with open('numpy_random.txt', 'w') as f:
    f.write('\n'.join(lines) + '\n')
