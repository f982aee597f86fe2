COPY regions 'regions.csv';
