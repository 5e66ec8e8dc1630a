int y = z * 2;
return y;
