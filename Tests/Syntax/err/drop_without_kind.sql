DROP visits;
