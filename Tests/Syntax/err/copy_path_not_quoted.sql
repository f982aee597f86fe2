COPY regions TO regions.csv;
