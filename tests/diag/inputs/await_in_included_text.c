z += await(f(2));
